package io.sloc.golang.math;

/**
 * Go's pure-Go trigonometric and hyperbolic functions (Cephes-derived), ported so results match Prometheus bit
 * for bit; Java's Math versions differ in the last bit for some inputs. Arguments of 2^29 and more are reduced
 * with Go's Payne-Hanek {@code trigReduce}.
 *
 * <p>Follows Go 1.19's {@code math} (the toolchain of promtool 2.42, go1.19.8).
 */
public final class GoTrig {
    private static final double FOUR_OVER_PI = 1.2732395447351628;
    private static final double PI4A = 7.85398125648498535156e-1;
    private static final double PI4B = 3.77489470793079817668e-8;
    private static final double PI4C = 2.69515142907905952645e-15;
    private static final double REDUCE_THRESHOLD = 1 << 29;
    private static final double[] SIN = {1.58962301576546568060e-10, -2.50507477628578072866e-8,
        2.75573136213857245213e-6, -1.98412698295895385996e-4, 8.33333333332211858878e-3,
        -1.66666666666666307295e-1};
    private static final double[] COS = {-1.13585365213876817300e-11, 2.08757008419747316778e-9,
        -2.75573141792967388112e-7, 2.48015872888517045348e-5, -1.38888888888730564116e-3,
        4.16666666666665929218e-2};

    /** Binary digits of 4/pi, {@code 4/pi = sum M_PI4[i] * 2^(-64 i)}, as Go's mPi4. */
    private static final long[] M_PI4 = {
        0x0000000000000001L, 0x45f306dc9c882a53L, 0xf84eafa3ea69bb81L, 0xb6c52b3278872083L, 0xfca2c757bd778ac3L,
        0x6e48dc74849ba5c0L, 0x0c925dd413a32439L, 0xfc3bd63962534e7dL, 0xd1046bea5d768909L, 0xd338e04d68befc82L,
        0x7323ac7306a673e9L, 0x3908bf177bf25076L, 0x3ff12fffbc0b301fL, 0xde5e2316b414da3eL, 0xda6cfd9e4f96136eL,
        0x9e8c7ecd3cbfd45aL, 0xea4f758fd7cbe2f6L, 0x7a0e73ef14a525d4L, 0xd7f6bf623f1aba10L, 0xac06608df8f6d757L};

    private GoTrig() {
    }

    /** Octant (j) and reduced argument (z) of x >= 0, as Go computes them. */
    private record Reduced(long j, double z) {
    }

    private static Reduced reduce(double a) {
        if (a >= REDUCE_THRESHOLD) {
            return trigReduce(a);
        }
        long j = (long) (a * FOUR_OVER_PI);
        double y = j;
        if ((j & 1) == 1) {
            j++;
            y++;
        }
        return new Reduced(j, ((a - y * PI4A) - y * PI4B) - y * PI4C);
    }

    /** Go's Payne-Hanek reduction by pi/4 (trig_reduce.go) for large x. */
    private static Reduced trigReduce(double x) {
        final double pi4 = Math.PI / 4;
        if (x < pi4) {
            return new Reduced(0, x);
        }
        long ix = Double.doubleToRawLongBits(x);
        int exp = (int) ((ix >>> 52) & 0x7FF) - 1023 - 52;
        ix &= ~(0x7FFL << 52);
        ix |= 1L << 52;
        int digit = (exp + 61) / 64;
        int bitshift = (exp + 61) % 64;
        long z0 = shiftPair(M_PI4[digit], M_PI4[digit + 1], bitshift);
        long z1 = shiftPair(M_PI4[digit + 1], M_PI4[digit + 2], bitshift);
        long z2 = shiftPair(M_PI4[digit + 2], M_PI4[digit + 3], bitshift);
        long z2hi = unsignedMultiplyHigh(z2, ix);
        long z1hi = unsignedMultiplyHigh(z1, ix);
        long z1lo = z1 * ix;
        long z0lo = z0 * ix;
        long lo = z1lo + z2hi;
        long carry = Long.compareUnsigned(lo, z1lo) < 0 ? 1 : 0;
        long hi = z0lo + z1hi + carry;
        long j = hi >>> 61;
        hi = hi << 3 | lo >>> 61;
        int lz = Long.numberOfLeadingZeros(hi);
        long e = 1023 - (lz + 1);
        hi = shl(hi, lz + 1) | shr(lo, 64 - (lz + 1));
        hi >>>= 64 - 52;
        hi |= e << 52;
        double z = Double.longBitsToDouble(hi);
        if ((j & 1) == 1) {
            j++;
            j &= 7;
            z--;
        }
        return new Reduced(j, z * pi4);
    }

    /** Go's {@code a<<s | b>>(64-s)}. */
    private static long shiftPair(long a, long b, int s) {
        return shl(a, s) | shr(b, 64 - s);
    }

    /** Go's shifts: by 64 or more (or a negative amount wrapped to a huge unsigned one) give 0; Java's wrap. */
    private static long shl(long x, int n) {
        return n < 0 || n >= 64 ? 0 : x << n;
    }

    private static long shr(long x, int n) {
        return n < 0 || n >= 64 ? 0 : x >>> n;
    }

    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    private static double sinPoly(double z, double zz) {
        return z + z * zz * ((((((SIN[0] * zz) + SIN[1]) * zz + SIN[2]) * zz + SIN[3]) * zz + SIN[4]) * zz + SIN[5]);
    }

    private static double cosPoly(double zz) {
        return 1.0 - 0.5 * zz + zz * zz * ((((((COS[0] * zz) + COS[1]) * zz + COS[2]) * zz + COS[3]) * zz
                + COS[4]) * zz + COS[5]);
    }

    public static double sin(double x) {
        if (x == 0 || Double.isNaN(x)) {
            return x;
        }
        if (Double.isInfinite(x)) {
            return Double.NaN;
        }
        boolean sign = x < 0;
        Reduced red = reduce(Math.abs(x));
        long j = red.j() & 7;
        double z = red.z();
        if (j > 3) {
            sign = !sign;
            j -= 4;
        }
        double zz = z * z;
        double r = j == 1 || j == 2 ? cosPoly(zz) : sinPoly(z, zz);
        return sign ? -r : r;
    }

    public static double cos(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.NaN;
        }
        boolean sign = false;
        Reduced red = reduce(Math.abs(x));
        long j = red.j() & 7;
        double z = red.z();
        if (j > 3) {
            j -= 4;
            sign = !sign;
        }
        if (j > 1) {
            sign = !sign;
        }
        double zz = z * z;
        double r = j == 1 || j == 2 ? sinPoly(z, zz) : cosPoly(zz);
        return sign ? -r : r;
    }

    public static double tan(double x) {
        if (x == 0 || Double.isNaN(x)) {
            return x;
        }
        if (Double.isInfinite(x)) {
            return Double.NaN;
        }
        boolean sign = x < 0;
        Reduced red = reduce(Math.abs(x));
        long j = red.j();
        double z = red.z();
        double y;
        double zz = z * z;
        if (zz > 1e-14) {
            y = z + z * (zz * (((-1.30936939181383777646e4 * zz) + 1.15351664838587416140e6) * zz
                    - 1.79565251976484877988e7) / ((((zz + 1.36812963470692954678e4) * zz
                    - 1.32089234440210967447e6) * zz + 2.50083801823357915839e7) * zz - 5.38695755929454629881e7));
        } else {
            y = z;
        }
        if ((j & 2) == 2) {
            y = -1 / y;
        }
        return sign ? -y : y;
    }

    private static double xatan(double x) {
        double z = x * x;
        z = z * ((((-8.750608600031904122785e-01 * z - 1.615753718733365076637e+01) * z
                - 7.500855792314704667340e+01) * z - 1.228866684490136173410e+02) * z - 6.485021904942025371773e+01)
                / (((((z + 2.485846490142306297962e+01) * z + 1.650270098316988542046e+02) * z
                + 4.328810604912902668951e+02) * z + 4.853903996359136964868e+02) * z + 1.945506571482613964425e+02);
        return x * z + x;
    }

    private static double satan(double x) {
        final double morebits = 6.123233995736765886130e-17;
        if (x <= 0.66) {
            return xatan(x);
        }
        if (x > 2.41421356237309504880) {
            return Math.PI / 2 - xatan(1 / x) + morebits;
        }
        return Math.PI / 4 + xatan((x - 1) / (x + 1)) + 0.5 * morebits;
    }

    public static double atan(double x) {
        if (x == 0) {
            return x;
        }
        return x > 0 ? satan(x) : -satan(-x);
    }

    public static double asin(double x) {
        if (x == 0) {
            return x;
        }
        boolean sign = x < 0;
        double a = Math.abs(x);
        if (a > 1) {
            return Double.NaN;
        }
        double temp = Math.sqrt(1 - a * a);
        temp = a > 0.7 ? Math.PI / 2 - satan(temp / a) : satan(a / temp);
        return sign ? -temp : temp;
    }

    public static double acos(double x) {
        return Math.PI / 2 - asin(x);
    }

    /** Go's math.Atan2, used by the atan2 operator. */
    public static double atan2(double y, double x) {
        if (Double.isNaN(y) || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (y == 0) {
            if (x >= 0 && !(Double.doubleToRawLongBits(x) < 0)) {
                return Math.copySign(0, y);
            }
            return Math.copySign(Math.PI, y);
        }
        if (x == 0) {
            return Math.copySign(Math.PI / 2, y);
        }
        if (Double.isInfinite(x)) {
            if (x > 0) {
                return Double.isInfinite(y) ? Math.copySign(Math.PI / 4, y) : Math.copySign(0, y);
            }
            return Double.isInfinite(y) ? Math.copySign(2.356194490192345, y) : Math.copySign(Math.PI, y);
        }
        if (Double.isInfinite(y)) {
            return Math.copySign(Math.PI / 2, y);
        }
        double q = atan(y / x);
        if (x < 0) {
            return q <= 0 ? q + Math.PI : q - Math.PI;
        }
        return q;
    }

    public static double sinh(double x) {
        boolean sign = x < 0;
        double a = Math.abs(x);
        double temp;
        if (a > 21) {
            temp = GoMath.exp(a) * 0.5;
        } else if (a > 0.5) {
            double ex = GoMath.exp(a);
            temp = (ex - 1 / ex) * 0.5;
        } else {
            double sq = a * a;
            temp = (((-0.2630563213397497062819489000e+2 * sq - 0.2894211355989563807284660366e+4) * sq
                    - 0.8991272022039509355398013511e+5) * sq - 0.6307673640497716991184787251e+6) * a;
            temp = temp / (((sq - 0.173678953558233699533450911e+3) * sq + 0.1521517378790019070696485176e+5) * sq
                    - 0.6307673640497716991212077277e+6);
        }
        return sign ? -temp : temp;
    }

    public static double cosh(double x) {
        double a = Math.abs(x);
        if (a > 21) {
            return GoMath.exp(a) * 0.5;
        }
        double ex = GoMath.exp(a);
        return (ex + 1 / ex) * 0.5;
    }

    public static double tanh(double x) {
        double z = Math.abs(x);
        if (z > 0.5 * 8.8029691931113054295988e+01) {
            return x < 0 ? -1 : 1;
        }
        if (z >= 0.625) {
            double s = GoMath.exp(2 * z);
            z = 1 - 2 / (s + 1);
            return x < 0 ? -z : z;
        }
        if (x == 0) {
            return x;
        }
        double s = x * x;
        return x + x * s * ((-9.64399179425052238628e-1 * s - 9.92877231001918586564e1) * s
                - 1.61468768441708447952e3) / (((s + 1.12811678491632931402e2) * s + 2.23548839060100448583e3) * s
                + 4.84406305325125486048e3);
    }
}
