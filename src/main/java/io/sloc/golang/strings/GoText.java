package io.sloc.golang.strings;

import java.util.regex.Pattern;

/**
 * Go string functions used by Prometheus templates: case mapping, title casing, host/port splitting.
 *
 * <p>Follows Go 1.19's {@code strings} and {@code net} (the toolchain of promtool 2.42, go1.19.8).
 */
public final class GoText {
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

    private GoText() {
    }

    /** strings.ToUpper: per-rune simple case mapping (so "ß" stays, unlike Java's String.toUpperCase). */
    public static String toUpper(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(r -> out.appendCodePoint(Character.toUpperCase(r)));
        return out.toString();
    }

    public static String toLower(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(r -> out.appendCodePoint(Character.toLowerCase(r)));
        return out.toString();
    }

    /**
     * {@code strings.Title} (what Prometheus 2.42 binds to {@code title}): title-cases every rune that follows a
     * separator, so "don't" becomes "Don'T".
     */
    public static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int prev = ' ';
        for (int r : s.codePoints().toArray()) {
            out.appendCodePoint(isSeparator(prev) ? Character.toTitleCase(r) : r);
            prev = r;
        }
        return out.toString();
    }

    private static boolean isSeparator(int r) {
        if (r <= 0x7F) {
            return !((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_');
        }
        if (Character.isLetter(r) || Character.getType(r) == Character.DECIMAL_DIGIT_NUMBER) {
            return false;
        }
        return Character.isWhitespace(r) || Character.isSpaceChar(r);
    }

    /** Go's net.SplitHostPort; null when Go returns an error. */
    public static String[] splitHostPort(String hostPort) {
        int i = hostPort.lastIndexOf(':');
        if (i < 0) {
            return null;
        }
        String host;
        int j = 0;
        int k = 0;
        if (hostPort.startsWith("[")) {
            int end = hostPort.indexOf(']');
            if (end < 0 || end + 1 != i) {
                return null;
            }
            host = hostPort.substring(1, end);
            j = 1;
            k = end + 1;
        } else {
            host = hostPort.substring(0, i);
            if (host.indexOf(':') >= 0) {
                return null;
            }
        }
        if (hostPort.indexOf('[', j) >= 0 || hostPort.indexOf(']', k) >= 0) {
            return null;
        }
        return new String[] {host, hostPort.substring(i + 1)};
    }

    public static String stripPort(String hostPort) {
        String[] split = splitHostPort(hostPort);
        return split == null ? hostPort : split[0];
    }

    public static String stripDomain(String hostPort) {
        String[] split = splitHostPort(hostPort);
        String host = split == null ? hostPort : split[0];
        String port = split == null ? "" : split[1];
        if (isIp(host)) {
            return hostPort;
        }
        host = host.split("\\.", -1)[0];
        if (!port.isEmpty()) {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
        return host;
    }

    /** net.ParseIP(host) != nil. */
    private static boolean isIp(String host) {
        if (IPV4.matcher(host).matches()) {
            return true;
        }
        if (host.indexOf(':') < 0 || !IPV6_CHARS.matcher(host).matches()) {
            return false;
        }
        try {
            // a literal IPv6 address: InetAddress parses it without any name lookup
            return java.net.InetAddress.getByName(host) instanceof java.net.Inet6Address
                    || host.contains("::ffff:");
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
