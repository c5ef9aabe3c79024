package org.simnotes.simapi;

/**
 * A double as text the way Java 19 and later write it with {@code Double.toString}: the decimal with the
 * fewest digits that reads back as the same double (the closest of those, an even last digit on a tie;
 * where one digit would do, the closest of one or two digits), plainly from {@code 0.001} up to
 * {@code 9999999.0}, else as {@code 1.0E-4}. Written out so the JVM and the page give the same text: the
 * JVM of Java 17 sometimes writes a digit more, the page's runtime (TeaVM) picks its own digits, and both
 * spend more on it than on most of a view.
 *
 * <p>The method is Schubfach (R. Giulietti, "The Schubfach way to render doubles", 2021): scaled by a power
 * of ten, the interval of reals that round to the double is between 1 and 10 units wide, so it holds at
 * most one multiple of ten and one or two integers, the only candidates. The scaled bounds are computed
 * from a 126-bit upper approximation of the power of ten, rounded to odd, which keeps every comparison
 * with a candidate exact.
 */
final class ShortestDecimal {
    /** The longest text: a sign, 17 digits, a point, "E-" and three digits. */
    static final int MAX_LENGTH = 24;

    private static final long SIGNIFICAND_MASK = (1L << 52) - 1;
    private static final long HIDDEN_BIT = 1L << 52;
    private static final int MIN_EXPONENT = -1074;
    private static final long LOW_32 = 0xFFFFFFFFL;
    /** log10(2)·2^22 and −log10(3/4)·2^22, rounded: floor(q·log10(2)) is (q·LOG10_2) >> 22 for every exponent q. */
    static final int LOG10_2 = 1262611;
    static final int LOG10_FOUR_THIRDS = 524030;

    /** Powers 10^e for e from MIN_POWER to MAX_POWER, each computed on first use. */
    private static final int MIN_POWER = -292;
    private static final int MAX_POWER = 324;
    private static final Power[] POWERS = new Power[MAX_POWER - MIN_POWER + 1];

    private ShortestDecimal() {
    }

    /** Writes {@code v} into {@code out} from {@code at}; returns the end (at most {@link #MAX_LENGTH} further). */
    static int write(double v, char[] out, int at) {
        if (v != v) {
            return copy("NaN", out, at);
        }
        long bits = Double.doubleToRawLongBits(v);
        if (bits < 0) {
            out[at++] = '-';
        }
        int biased = (int) (bits >>> 52) & 0x7FF;
        long t = bits & SIGNIFICAND_MASK;
        if (biased == 0x7FF) {
            return copy("Infinity", out, at);
        }
        if (biased == 0) {
            if (t == 0) {
                return copy("0.0", out, at);
            }
            // The two smallest subnormals are scaled by ten, which narrows their interval to where the
            // closest decimal of two digits is the one chosen (4.9E-324, not 5.0E-324), as Java does.
            return t < 3 ? decimal(MIN_EXPONENT, 10 * t, false, -1, out, at) : decimal(MIN_EXPONENT, t, false, 0, out, at);
        }
        int fewDigits = fewDigits(Math.abs(v), out, at);
        if (fewDigits > 0) {
            return fewDigits;
        }
        int q = biased - 1075;
        long c = t | HIDDEN_BIT;
        if (q < 0 && q > -53) {
            // An integer below 2^53: its own digits are the shortest decimal.
            long whole = c >> -q;
            if (whole << -q == c) {
                return digits(whole, 0, out, at);
            }
        }
        // At a power of two (other than the smallest normal) the double below is half as far as the one above.
        return decimal(q, c, t == 0 && biased > 1, 0, out, at);
    }

    /**
     * A normal {@code v} below 2^31 that is n·10^−j for some int n (0.25, 2.5, 0.1: what widgets mostly show)
     * is written from n: if n / 10^j rounds back to v, n·10^−j is in v's interval, which is too narrow to hold
     * another decimal with j decimals, so it is the shortest; the smallest such j is found by trying each.
     * Returns 0 when v is not of that form.
     */
    private static int fewDigits(double v, char[] out, int at) {
        if (v < Double.MIN_NORMAL) {
            return 0;
        }
        for (int j = 0; j < TENS.length; j++) {
            double scaled = v * TENS[j];
            if (scaled >= Integer.MAX_VALUE) {
                return 0;
            }
            int n = (int) scaled;
            if (n == scaled && n / TENS[j] == v) {
                return digits(n, -j, out, at);
            }
        }
        return 0;
    }

    /** 10^0 to 10^9, exact doubles. */
    private static final double[] TENS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    /** The shortest decimal of c·2^q (times 10^dk), written at {@code at}. */
    private static int decimal(int q, long c, boolean irregular, int dk, char[] out, int at) {
        // k = floor(log10(2^q)), or floor(log10(3/4·2^q)) when the interval is lopsided.
        int k = (q * LOG10_2 - (irregular ? LOG10_FOUR_THIRDS : 0)) >> 22;
        Power g = power(-k);
        int h = q + g.log2 + 2;
        // Four times c and the interval's ends, in units of 10^k once multiplied by g.
        long cb = c << 2;
        long cbl = irregular ? cb - 1 : cb - 2;
        long cbr = cb + 2;
        long vb = g.timesRoundedToOdd(cb << h);
        long vbl = g.timesRoundedToOdd(cbl << h);
        long vbr = g.timesRoundedToOdd(cbr << h);
        // An odd c has its interval's ends outside it: the comparisons become strict.
        long open = c & 1;
        long s = vb >> 2;
        if (s >= 100) {
            long below = s / 10 * 10;
            long above = below + 10;
            boolean belowIn = vbl + open <= below << 2;
            boolean aboveIn = (above << 2) + open <= vbr;
            if (belowIn != aboveIn) {
                return digits(belowIn ? below : above, k + dk, out, at);
            }
        }
        long next = s + 1;
        boolean sIn = vbl + open <= s << 2;
        boolean nextIn = (next << 2) + open <= vbr;
        if (sIn != nextIn) {
            return digits(sIn ? s : next, k + dk, out, at);
        }
        // Both in: the closer to the double, the even one if it sits halfway.
        long fromMiddle = vb - ((s + next) << 1);
        return digits(fromMiddle < 0 || fromMiddle == 0 && (s & 1) == 0 ? s : next, k + dk, out, at);
    }

    /** Writes f·10^e, f > 0, in Java's layout. */
    private static int digits(long f, int e, char[] out, int at) {
        // At most 17 digits, written from the last: two ints hold them, and dividing an int by the constant 10
        // is cheap in both of the page's runtimes, where a long division is not.
        char[] d = new char[17];
        int first = d.length;
        int high = (int) (f / 100_000_000);
        int low = (int) (f - high * 100_000_000L);
        if (high > 0) {
            for (int i = 0; i < 8; i++) {
                d[--first] = (char) ('0' + low % 10);
                low /= 10;
            }
            low = high;
        }
        do {
            d[--first] = (char) ('0' + low % 10);
            low /= 10;
        } while (low > 0);
        int end = d.length;
        while (d[end - 1] == '0') {
            end--;
            e++;
        }
        int n = end - first;
        if (first > 0) {
            System.arraycopy(d, first, d, 0, n);
        }
        int exponent = e + n - 1;
        if (exponent >= -3 && exponent < 7) {
            if (exponent < 0) {
                out[at++] = '0';
                out[at++] = '.';
                for (int i = -1; i > exponent; i--) {
                    out[at++] = '0';
                }
                for (int i = 0; i < n; i++) {
                    out[at++] = d[i];
                }
                return at;
            }
            for (int i = 0; i <= exponent; i++) {
                out[at++] = i < n ? d[i] : '0';
            }
            out[at++] = '.';
            if (n <= exponent + 1) {
                out[at++] = '0';
            }
            for (int i = exponent + 1; i < n; i++) {
                out[at++] = d[i];
            }
            return at;
        }
        out[at++] = d[0];
        out[at++] = '.';
        if (n == 1) {
            out[at++] = '0';
        }
        for (int i = 1; i < n; i++) {
            out[at++] = d[i];
        }
        out[at++] = 'E';
        if (exponent < 0) {
            out[at++] = '-';
            exponent = -exponent;
        }
        if (exponent >= 100) {
            out[at++] = (char) ('0' + exponent / 100);
        }
        if (exponent >= 10) {
            out[at++] = (char) ('0' + exponent / 10 % 10);
        }
        out[at++] = (char) ('0' + exponent % 10);
        return at;
    }

    private static int copy(String text, char[] out, int at) {
        for (int i = 0; i < text.length(); i++) {
            out[at++] = text.charAt(i);
        }
        return at;
    }

    static Power power(int e) {
        Power p = POWERS[e - MIN_POWER];
        if (p == null) {
            // Final fields make a power another thread wrote safe to read; two threads may both compute one.
            p = Power.of(e);
            POWERS[e - MIN_POWER] = p;
        }
        return p;
    }

    /**
     * 10^e as g·2^(log2 − 125), with g = floor(10^e·2^(125 − log2)) + 1 between 2^125 and 2^126 and
     * log2 = floor(log2(10^e)); g is kept as g1·2^63 + g0.
     */
    static final class Power {
        final int log2;
        final long g1;
        final long g0;

        private Power(int log2, long g1, long g0) {
            this.log2 = log2;
            this.g1 = g1;
            this.g0 = g0;
        }

        /** Exactly, with a bignum of 16-bit limbs (int arithmetic, which the page's JavaScript build runs fast). */
        static Power of(int e) {
            int five = Math.abs(e);
            int[] power = Big.fivePower(five);
            int bits = Big.bitLength(power);
            if (e >= 0) {
                // 10^e = 5^e·2^e, so log2 = bits(5^e) − 1 + e, and g is 5^e's top 126 bits.
                return of(bits - 1 + e, power, 126 - bits);
            }
            // 10^−k = 2^−k / 5^k, so log2 = −(bits(5^k) + k), and g = floor(2^(125 + bits(5^k)) / 5^k).
            int[] quotient = Big.powerOfTwo(125 + bits);
            for (int left = five; left > 0; left -= 6) {
                quotient = Big.dividedBy(quotient, left >= 6 ? 15625 : Big.fivePower(left)[0]);
            }
            return of(-(bits + five), quotient, 0);
        }

        /** The power whose g is floor(x·2^shift) + 1. */
        private static Power of(int log2, int[] x, int shift) {
            long low = Big.bits(x, -shift, 63);
            long high = Big.bits(x, 63 - shift, 63);
            // Adding 1 cannot carry past g0's 63 bits: floor(x·2^shift) would then end in 63 ones, and it does not.
            return new Power(log2, high, low + 1);
        }

        /**
         * floor(g·x / 2^127) with its lowest bit set when bits 64 to 126 of g·x are not all zero (rounding to
         * odd, above the bits where g's own error lies); x < 2^63.
         */
        long timesRoundedToOdd(long x) {
            long x0 = highProduct(g0, x);
            long y1 = highProduct(g1, x);
            long y0 = g1 * x;
            long z = (y0 >>> 1) + x0;
            long result = y1 + (z >>> 63);
            return (z & Long.MAX_VALUE) == 0 ? result : result | 1;
        }

        /** floor(a·b / 2^64) for a, b below 2^63, from 32-bit halves (TeaVM has no Math.multiplyHigh). */
        private static long highProduct(long a, long b) {
            long a1 = a >>> 32;
            long a0 = a & LOW_32;
            long b1 = b >>> 32;
            long b0 = b & LOW_32;
            long cross1 = a1 * b0;
            long cross0 = a0 * b1;
            long middle = ((a0 * b0) >>> 32) + (cross1 & LOW_32) + (cross0 & LOW_32);
            return a1 * b1 + (cross1 >>> 32) + (cross0 >>> 32) + (middle >>> 32);
        }
    }

    /** Non-negative integers as little-endian arrays of 16-bit limbs, for the powers of ten only. */
    static final class Big {
        private Big() {
        }

        static int[] fivePower(int n) {
            int[] x = {1};
            for (; n >= 6; n -= 6) {
                x = times(x, 15625);
            }
            int rest = 1;
            for (; n > 0; n--) {
                rest *= 5;
            }
            return times(x, rest);
        }

        static int[] powerOfTwo(int n) {
            int[] x = new int[n / 16 + 1];
            x[n / 16] = 1 << (n % 16);
            return x;
        }

        /** x·m for m below 2^15. */
        static int[] times(int[] x, int m) {
            int[] out = new int[x.length + 1];
            int carry = 0;
            for (int i = 0; i < x.length; i++) {
                int p = x[i] * m + carry;
                out[i] = p & 0xFFFF;
                carry = p >>> 16;
            }
            out[x.length] = carry;
            return out;
        }

        /** floor(x / m) for m below 2^15. */
        static int[] dividedBy(int[] x, int m) {
            int[] out = new int[x.length];
            int rest = 0;
            for (int i = x.length - 1; i >= 0; i--) {
                int current = rest << 16 | x[i];
                out[i] = current / m;
                rest = current % m;
            }
            return out;
        }

        static int bitLength(int[] x) {
            for (int i = x.length - 1; i >= 0; i--) {
                if (x[i] != 0) {
                    return i * 16 + 32 - Integer.numberOfLeadingZeros(x[i]);
                }
            }
            return 0;
        }

        /** Bits {@code from} to {@code from + count − 1} of x (none below 0), count at most 63. */
        static long bits(int[] x, int from, int count) {
            long out = 0;
            for (int bit = count - 1; bit >= 0; bit--) {
                int at = from + bit;
                out <<= 1;
                if (at >= 0 && at < x.length * 16 && (x[at >> 4] >>> (at & 15) & 1) != 0) {
                    out |= 1;
                }
            }
            return out;
        }
    }
}
