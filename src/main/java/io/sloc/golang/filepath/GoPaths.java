package io.sloc.golang.filepath;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Go's {@code filepath.Join}/{@code Clean}/{@code Dir}/{@code Glob} on slash-separated paths, so that rule files are
 * found and named in messages exactly as promtool names them.
 *
 * <p>Follows Go 1.19's {@code path/filepath} (the toolchain of promtool 2.42, go1.19.8).
 */
public final class GoPaths {
    private GoPaths() {
    }

    /** A bad glob pattern ({@code filepath.ErrBadPattern}). */
    public static final class BadPatternException extends Exception {
        BadPatternException() {
            super("syntax error in pattern");
        }
    }

    public static String dir(String path) {
        int slash = path.lastIndexOf('/');
        return clean(slash < 0 ? "" : path.substring(0, slash + 1));
    }

    public static String join(String dir, String file) {
        if (dir.isEmpty()) {
            return clean(file);
        }
        return clean(dir + "/" + file);
    }

    public static boolean isAbs(String path) {
        return path.startsWith("/");
    }

    /** Lexical clean: collapse slashes, drop {@code .}, resolve {@code ..} where possible; "" becomes ".". */
    public static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                    parts.remove(parts.size() - 1);
                } else if (!rooted) {
                    parts.add(p);
                }
            } else {
                parts.add(p);
            }
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** {@code filepath.Glob}, relative paths taken from {@code cwd}: matches in lexical order; a pattern without meta characters matches itself if it exists. */
    public static List<String> glob(String pattern, Path cwd) throws BadPatternException {
        List<String> out = new ArrayList<>();
        if (!hasMeta(pattern)) {
            if (!pattern.isEmpty() && Files.exists(cwd.resolve(pattern))) {
                out.add(pattern);
            }
            return out;
        }
        int slash = pattern.lastIndexOf('/');
        String dir = slash < 0 ? "." : cleanGlobDir(pattern.substring(0, slash + 1));
        String file = pattern.substring(slash + 1);
        Pattern filePattern = compile(file);
        List<String> dirs = hasMeta(dir) ? glob(dir, cwd) : List.of(dir);
        for (String d : dirs) {
            List<String> names = new ArrayList<>();
            Path dirPath = cwd.resolve(d);
            if (!Files.isDirectory(dirPath)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dirPath)) {
                for (Path e : entries) {
                    String name = e.getFileName().toString();
                    if (filePattern.matcher(name).matches()) {
                        names.add(name);
                    }
                }
            } catch (IOException e) {
                continue;
            }
            names.sort(null);
            for (String name : names) {
                out.add(slash < 0 ? name : join(d, name));
            }
        }
        return out;
    }

    private static String cleanGlobDir(String dir) {
        return dir.equals("/") ? "/" : clean(dir);
    }

    private static boolean hasMeta(String path) {
        for (char c : path.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    /** One path element of a Go glob as a regex: {@code * ? [a-z] [^a]} and backslash escapes. */
    private static Pattern compile(String glob) throws BadPatternException {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '\\') {
                if (++i >= glob.length()) {
                    throw new BadPatternException();
                }
                re.append(Pattern.quote(String.valueOf(glob.charAt(i))));
            } else if (c == '[') {
                int end = glob.indexOf(']', i + 2);
                if (end < 0) {
                    throw new BadPatternException();
                }
                String body = glob.substring(i + 1, end);
                boolean negate = body.startsWith("^");
                if (negate) {
                    body = body.substring(1);
                }
                if (body.isEmpty()) {
                    throw new BadPatternException();
                }
                re.append(negate ? "[^" : "[").append(body.replace("\\", "\\\\").replace("[", "\\[")
                        .replace("&", "\\&")).append(']');
                i = end;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
