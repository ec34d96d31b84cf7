package io.sloc.golang.sort;

import java.nio.charset.StandardCharsets;

/**
 * The natural string order of github.com/facette/natsort, which Prometheus's sort_by_label uses: runs of digits
 * compare as numbers (leading zeros skipped), everything else byte by byte.
 */
public final class NaturalOrder {
    private NaturalOrder() {
    }

    /** natsort.Compare: true if {@code a} precedes {@code b}. */
    public static boolean less(String a, String b) {
        return less(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean less(byte[] a, byte[] b) {
        int posA = 0;
        int posB = 0;
        while (true) {
            if (a.length <= posA) {
                return posB < b.length;
            }
            if (b.length <= posB) {
                return false;
            }
            int av = a[posA] & 0xff;
            int bv = b[posB] & 0xff;
            if (isDigit(av) && isDigit(bv)) {
                int[] runA = digitRun(a, posA);
                int[] runB = digitRun(b, posB);
                posA = runA[0];
                posB = runB[0];
                if (runA[1] != runB[1]) {
                    return runA[1] < runB[1]; // the longer number is the bigger one
                }
                int cmp = compareBytes(a, posA, b, posB, runA[1]);
                if (cmp != 0) {
                    return cmp < 0;
                }
                posA += runA[1];
                posB += runB[1];
                continue;
            }
            if (av == bv) {
                posA++;
                posB++;
                continue;
            }
            return av < bv;
        }
    }

    /**
     * The digit run at {@code pos} as natsort scans it: leading zeros skipped while more bytes follow. Returns
     * {start, length}; the length is at least 1.
     */
    private static int[] digitRun(byte[] s, int pos) {
        int length = 1;
        int v = s[pos] & 0xff;
        while (pos + length < s.length) {
            int x = s[pos + length] & 0xff;
            if (v == '0') {
                pos++;
                v = x;
                continue;
            }
            if (isDigit(x)) {
                length++;
            } else {
                break;
            }
        }
        return new int[] {pos, length};
    }

    private static int compareBytes(byte[] a, int posA, byte[] b, int posB, int length) {
        for (int i = 0; i < length; i++) {
            int d = (a[posA + i] & 0xff) - (b[posB + i] & 0xff);
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
