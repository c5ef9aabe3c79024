package org.simnotes.simapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * {@link Html#exact}: the text a data attribute carries must read back as the very double drawn, and be what
 * {@code Double.toString} is specified to write (from Java 19: the shortest decimal that rounds to the double,
 * the closest of those), so a reader of the markup sees the same digits on the JVM and in the page.
 */
class HtmlExactTest {
    private static final SplittableRandom RANDOM = new SplittableRandom(20261129L);

    /** Doubles of every kind: any bit pattern, [0, 1), spread over magnitudes, powers of two, short decimals and their neighbours. */
    private static final DoubleSupplier[] KINDS = {
        () -> Double.longBitsToDouble(RANDOM.nextLong()),
        RANDOM::nextDouble,
        () -> (RANDOM.nextDouble() - 0.5) * Math.pow(10, RANDOM.nextInt(-30, 30)),
        () -> Math.scalb(1.0, RANDOM.nextInt(-1074, 1024)),
        () -> RANDOM.nextInt(1, Integer.MAX_VALUE) / Math.pow(10, RANDOM.nextInt(0, 14)),
        () -> Math.nextUp(RANDOM.nextInt(1, 100_000) / Math.pow(10, RANDOM.nextInt(0, 12))),
        () -> Math.nextDown(RANDOM.nextInt(1, 100_000) / Math.pow(10, RANDOM.nextInt(0, 12))),
        () -> Double.longBitsToDouble(RANDOM.nextLong(1L << 52)),
    };

    private static double next(int i) {
        return KINDS[i % KINDS.length].getAsDouble();
    }

    @Test
    void everyTextReadsBackAsItsDoubleAndAsDoubleToStringsValue() {
        for (int i = 0; i < 500_000; i++) {
            double v = next(i);
            if (Double.isNaN(v)) {
                continue;
            }
            String text = Html.exact(v);
            assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(Double.parseDouble(text)), text);
            assertEquals(Double.parseDouble(Double.toString(v)), Double.parseDouble(text), text);
        }
    }

    @Test
    void theDigitsAreTheShortestAndClosestAsJavaSpecifies() {
        for (int i = 0; i < 40_000; i++) {
            double v = Math.abs(next(i));
            if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
                continue;
            }
            String text = Html.exact(v);
            assertEquals(0, specified(v).compareTo(new BigDecimal(text)), "for " + new BigDecimal(v) + ": " + text);
        }
    }

    @Test
    void onJava19AndLaterTheTextIsDoubleToStrings() {
        // Java 17's Double.toString sometimes writes a digit more than needed, so only its value is compared there.
        if (Runtime.version().feature() < 19) {
            return;
        }
        for (int i = 0; i < 500_000; i++) {
            double v = next(i);
            assertEquals(Double.toString(v), Html.exact(v));
        }
    }

    @Test
    void theLayoutIsJavas() {
        assertEquals("0.0", Html.exact(0.0));
        assertEquals("-0.0", Html.exact(-0.0));
        assertEquals("NaN", Html.exact(Double.NaN));
        assertEquals("Infinity", Html.exact(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", Html.exact(Double.NEGATIVE_INFINITY));
        assertEquals("1.0", Html.exact(1));
        assertEquals("100.0", Html.exact(100));
        assertEquals("-2.5", Html.exact(-2.5));
        assertEquals("0.1", Html.exact(0.1));
        assertEquals("0.30000000000000004", Html.exact(0.1 + 0.2));
        assertEquals("0.001", Html.exact(0.001));
        assertEquals("9.99E-4", Html.exact(0.000999));
        assertEquals("9999999.0", Html.exact(9_999_999));
        assertEquals("1.0E7", Html.exact(10_000_000));
        assertEquals("1.2345678E7", Html.exact(12_345_678));
        assertEquals("1.0E23", Html.exact(1e23));
        assertEquals("0.002", Html.exact(0.002));
        assertEquals("1.7976931348623157E308", Html.exact(Double.MAX_VALUE));
        assertEquals("2.2250738585072014E-308", Html.exact(Double.MIN_NORMAL));
        assertEquals("4.9E-324", Html.exact(Double.MIN_VALUE));
        assertEquals("9.9E-324", Html.exact(2 * Double.MIN_VALUE));
        assertEquals("2.9802322387695312E-8", Html.exact(Math.scalb(1.0, -25)), "a tie goes to the even digit");
    }

    @Test
    void aListIsTheTextsSeparatedBySpaces() {
        assertEquals("0.5 -1.0E-5 3.0", Html.exactList(new double[] {0.5, -1e-5, 3}));
        assertEquals("", Html.exactList(new double[0]));
        StringBuilder sb = new StringBuilder("x=");
        assertEquals("x=0.25", Html.appendExact(sb, 0.25).toString());
    }

    @Test
    void theScaleOfEveryBinaryExponentIsExact() {
        BigDecimal log2 = new BigDecimal("0.30102999566398119521373889472449302676818988146211");
        BigDecimal log34 = new BigDecimal("-0.12493873660829995313165521257052526402466552308755");
        for (int q = -1080; q <= 980; q++) {
            BigDecimal scale = log2.multiply(BigDecimal.valueOf(q));
            assertEquals(scale.setScale(0, RoundingMode.FLOOR).intValueExact(), (q * ShortestDecimal.LOG10_2) >> 22, "q = " + q);
            assertEquals(scale.add(log34).setScale(0, RoundingMode.FLOOR).intValueExact(),
                    (q * ShortestDecimal.LOG10_2 - ShortestDecimal.LOG10_FOUR_THIRDS) >> 22, "3/4·2^q, q = " + q);
        }
    }

    @Test
    void everyPowerOfTenIsItsExact126BitUpperApproximation() {
        for (int e = -292; e <= 324; e++) {
            ShortestDecimal.Power p = ShortestDecimal.power(e);
            BigDecimal ten = BigDecimal.ONE.scaleByPowerOfTen(e);
            int log2 = floorLog2(ten);
            BigInteger expected = ten.multiply(new BigDecimal(BigInteger.TWO.pow(Math.max(0, 125 - log2))))
                    .divide(new BigDecimal(BigInteger.TWO.pow(Math.max(0, log2 - 125))))
                    .setScale(0, RoundingMode.FLOOR).toBigIntegerExact().add(BigInteger.ONE);
            assertEquals(log2, p.log2, "log2 of 10^" + e);
            assertTrue(p.g0 >= 0 && p.g1 >= 1L << 62, "g of 10^" + e + " has 126 bits");
            assertEquals(expected, BigInteger.valueOf(p.g1).shiftLeft(63).add(BigInteger.valueOf(p.g0)), "g of 10^" + e);
        }
    }

    private static int floorLog2(BigDecimal x) {
        int log2 = x.toBigInteger().bitLength() - 1;
        if (x.compareTo(BigDecimal.ONE) < 0) {
            log2 = -BigDecimal.ONE.divide(x, MathContext.UNLIMITED).toBigInteger().bitLength();
        }
        return log2;
    }

    /**
     * Double.toString's decimal for v > 0, from its definition: of the decimals that round to v, those of the
     * fewest digits (of one or two digits when one would do), the closest to v, the even one of two.
     */
    private static BigDecimal specified(double v) {
        BigDecimal x = new BigDecimal(v);
        BigDecimal below = new BigDecimal(Math.nextDown(v));
        BigDecimal above = v == Double.MAX_VALUE ? x.add(x.subtract(below)) : new BigDecimal(Math.nextUp(v));
        BigDecimal lo = x.add(below).divide(BigDecimal.valueOf(2));
        BigDecimal hi = x.add(above).divide(BigDecimal.valueOf(2));
        boolean closed = (Double.doubleToRawLongBits(v) & 1) == 0;
        int fewest = 1;
        while (!inside(x.round(new MathContext(fewest, RoundingMode.FLOOR)), lo, hi, closed)
                && !inside(x.round(new MathContext(fewest, RoundingMode.CEILING)), lo, hi, closed)) {
            fewest++;
        }
        BigDecimal best = null;
        for (int n = fewest; n <= (fewest == 1 ? 2 : fewest); n++) {
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal d = x.round(new MathContext(n, mode));
                if (!inside(d, lo, hi, closed)) {
                    continue;
                }
                int closer = best == null ? -1 : d.subtract(x).abs().compareTo(best.subtract(x).abs());
                if (closer < 0 || closer == 0 && d.unscaledValue().testBit(0) == false && best.unscaledValue().testBit(0)) {
                    best = d;
                }
            }
        }
        return best;
    }

    private static boolean inside(BigDecimal d, BigDecimal lo, BigDecimal hi, boolean closed) {
        return closed ? d.compareTo(lo) >= 0 && d.compareTo(hi) <= 0 : d.compareTo(lo) > 0 && d.compareTo(hi) < 0;
    }
}
