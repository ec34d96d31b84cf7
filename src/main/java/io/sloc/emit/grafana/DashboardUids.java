package io.sloc.emit.grafana;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable dashboard uids derived from names, so links and bookmarks survive regeneration. Grafana allows at most 40
 * characters of letters, digits, {@code -} and {@code _}; a name that does not fit keeps a readable prefix and gets
 * a short hash of the full name, which keeps distinct names distinct.
 */
final class DashboardUids {
    static final String OVERVIEW = "sloc-overview";
    private static final int MAX_LENGTH = 40;
    private static final String SERVICE_PREFIX = "sloc-svc-";

    private DashboardUids() {
    }

    static String service(String serviceName) {
        String uid = SERVICE_PREFIX + serviceName;
        if (uid.length() <= MAX_LENGTH && uid.matches("[A-Za-z0-9_-]+")) {
            return uid;
        }
        String hash = sha256(serviceName).substring(0, 10);
        String readable = serviceName.replaceAll("[^A-Za-z0-9_-]", "_");
        int room = MAX_LENGTH - SERVICE_PREFIX.length() - hash.length() - 1;
        return SERVICE_PREFIX + readable.substring(0, Math.min(room, readable.length())) + "-" + hash;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
