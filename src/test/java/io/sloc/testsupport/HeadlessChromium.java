package io.sloc.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol (a JDK WebSocket): load a page, read what its
 * console reported, evaluate JavaScript in it, take screenshots. Found as {@code $SLOC_CHROMIUM} or installed into
 * the tools cache by {@code .ci/install-chromium.sh}. Each instance is a fresh browser with an empty profile.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on ws://([^/]+)/");
    private static final long TIMEOUT_SECONDS = 60;

    private final ObjectMapper json = new ObjectMapper();
    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

    private HeadlessChromium(Process process, Path profile, URI page) throws Exception {
        this.process = process;
        this.profile = profile;
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(page, new Listener())
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (String domain : List.of("Page", "Runtime", "Log")) {
            call(domain + ".enable", json.createObjectNode());
        }
    }

    /** A new browser showing about:blank, {@code width} x {@code height} CSS pixels. */
    public static HeadlessChromium start(int width, int height) throws Exception {
        Path profile = Files.createTempDirectory("sloc-chromium-profile");
        Process process = new ProcessBuilder(executable(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "--remote-debugging-port=0", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String host = devToolsHost(process);
        HttpResponse<String> targets = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + host + "/json/list")).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode target : new ObjectMapper().readTree(targets.body())) {
            if (target.path("type").asText().equals("page")) {
                return new HeadlessChromium(process, profile, URI.create(target.get("webSocketDebuggerUrl").asText()));
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("chromium shows no page: " + targets.body());
    }

    private static String executable() {
        String configured = System.getenv("SLOC_CHROMIUM");
        if (configured != null && !configured.isEmpty()) {
            return configured;
        }
        PrometheusTools.Result installed = PrometheusTools.run(Shared.projectDir(), 600,
                List.of("bash", Shared.projectDir().resolve(".ci/install-chromium.sh").toString()));
        if (installed.exitCode() != 0) {
            throw new IllegalStateException("cannot install chromium: " + installed.stderr());
        }
        return installed.stdout().strip();
    }

    /** Reads chromium's standard error until it says where DevTools listens; the rest is drained and dropped. */
    private static String devToolsHost(Process process) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = err.readLine(); line != null; line = err.readLine()) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> err.lines().forEach(l -> { }), "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("chromium exited without DevTools: " + seen);
    }

    /** Loads {@code url} and waits for its load event. */
    public void open(String url) throws Exception {
        loaded = new CompletableFuture<>();
        ObjectNode params = json.createObjectNode().put("url", url);
        call("Page.navigate", params);
        loaded.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Errors reported so far: console.error calls, uncaught exceptions, and browser log entries of level error
     *  (a resource that failed to load, a blocked request). */
    public List<String> consoleErrors() {
        return List.copyOf(consoleErrors);
    }

    /** The value of a JavaScript expression in the page (returned by value, so JSON-compatible). */
    public JsonNode evaluate(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", json.createObjectNode().put("expression", expression)
                .put("returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** A PNG of the page area at ({@code x}, {@code y}), {@code width} x {@code height} CSS pixels of the page. */
    public byte[] screenshot(double x, double y, double width, double height) throws Exception {
        ObjectNode clip = json.createObjectNode().put("x", x).put("y", y).put("width", width).put("height", height)
                .put("scale", 1);
        ObjectNode params = json.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        params.set("clip", clip);
        return Base64.getDecoder().decode(call("Page.captureScreenshot", params).get("data").asText());
    }

    private JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(json.writeValueAsString(message), true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        JsonNode response = reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (response.has("error")) {
            throw new IllegalStateException(method + " failed: " + response.get("error"));
        }
        return response.path("result");
    }

    private void received(JsonNode message) {
        if (message.has("id")) {
            CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
            if (reply != null) {
                reply.complete(message);
            }
            return;
        }
        JsonNode params = message.path("params");
        switch (message.path("method").asText()) {
            case "Page.loadEventFired" -> loaded.complete(null);
            case "Runtime.consoleAPICalled" -> {
                if (params.path("type").asText().equals("error")) {
                    consoleErrors.add("console.error: " + params.path("args"));
                }
            }
            case "Runtime.exceptionThrown" -> consoleErrors.add("exception: " + params.path("exceptionDetails"));
            case "Log.entryAdded" -> {
                if (params.path("entry").path("level").asText().equals("error")) {
                    consoleErrors.add("log: " + params.path("entry").path("text").asText() + " "
                            + params.path("entry").path("url").asText());
                }
            }
            default -> { }
        }
    }

    /** Joins a message's frames and hands it to {@link #received}. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder frames = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            frames.append(data);
            if (last) {
                try {
                    received(json.readTree(frames.toString()));
                } catch (IOException e) {
                    throw new IllegalStateException("DevTools sent what is not JSON", e);
                } finally {
                    frames.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the browser is stopped below either way
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
