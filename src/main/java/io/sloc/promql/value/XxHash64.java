package io.sloc.promql.value;

/** XXH64 with seed 0 (github.com/cespare/xxhash's Sum64), the hash Prometheus gives label sets. */
final class XxHash64 {
    private static final long PRIME1 = 0x9E3779B185EBCA87L;
    private static final long PRIME2 = 0xC2B2AE3D27D4EB4FL;
    private static final long PRIME3 = 0x165667B19E3779F9L;
    private static final long PRIME4 = 0x85EBCA77C2B2AE63L;
    private static final long PRIME5 = 0x27D4EB2F165667C5L;

    private XxHash64() {
    }

    static long sum64(byte[] b) {
        int n = b.length;
        int i = 0;
        long h;
        if (n >= 32) {
            long v1 = PRIME1 + PRIME2;
            long v2 = PRIME2;
            long v3 = 0;
            long v4 = -PRIME1;
            for (; i + 32 <= n; i += 32) {
                v1 = round(v1, readLong(b, i));
                v2 = round(v2, readLong(b, i + 8));
                v3 = round(v3, readLong(b, i + 16));
                v4 = round(v4, readLong(b, i + 24));
            }
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = mergeRound(h, v1);
            h = mergeRound(h, v2);
            h = mergeRound(h, v3);
            h = mergeRound(h, v4);
        } else {
            h = PRIME5;
        }
        h += n;
        for (; i + 8 <= n; i += 8) {
            h ^= round(0, readLong(b, i));
            h = Long.rotateLeft(h, 27) * PRIME1 + PRIME4;
        }
        if (i + 4 <= n) {
            h ^= (readInt(b, i) & 0xFFFFFFFFL) * PRIME1;
            h = Long.rotateLeft(h, 23) * PRIME2 + PRIME3;
            i += 4;
        }
        for (; i < n; i++) {
            h ^= (b[i] & 0xFFL) * PRIME5;
            h = Long.rotateLeft(h, 11) * PRIME1;
        }
        h ^= h >>> 33;
        h *= PRIME2;
        h ^= h >>> 29;
        h *= PRIME3;
        h ^= h >>> 32;
        return h;
    }

    private static long round(long acc, long input) {
        acc += input * PRIME2;
        acc = Long.rotateLeft(acc, 31);
        return acc * PRIME1;
    }

    private static long mergeRound(long acc, long val) {
        acc ^= round(0, val);
        return acc * PRIME1 + PRIME4;
    }

    private static long readLong(byte[] b, int i) {
        return (readInt(b, i) & 0xFFFFFFFFL) | ((long) readInt(b, i + 4) << 32);
    }

    private static int readInt(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }
}
