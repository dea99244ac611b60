package org.telestation.devices.ieee11073;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A decoded IEEE 11073-20601 SFLOAT or FLOAT: either a finite decimal value (mantissa × 10^exponent, kept exactly,
 * so 37.60 keeps its two decimals) or one of the {@link SpecialValue}s.
 *
 * @param mantissa signed mantissa (0 when {@code special} is set)
 * @param exponent signed decimal exponent, plain two's complement on the wire, no bias (0 when {@code special} is set)
 * @param special  the special value, or null for a finite number
 */
public record MderNumber(int mantissa, int exponent, SpecialValue special) {

    public static MderNumber of(int mantissa, int exponent) {
        return new MderNumber(mantissa, exponent, null);
    }

    public static MderNumber of(SpecialValue special) {
        return new MderNumber(0, 0, Objects.requireNonNull(special, "special"));
    }

    public boolean isFinite() {
        return special == null;
    }

    /** The exact decimal value, or null for a special value. */
    public BigDecimal decimal() {
        return special == null ? BigDecimal.valueOf(mantissa).scaleByPowerOfTen(exponent) : null;
    }

    /**
     * The value as a double: ±infinity for the infinities, NaN for NaN, NRes and reserved (Nordic's mapping,
     * standards.md §1.3). Use {@link #special()} when the distinction matters.
     */
    public double doubleValue() {
        if (special == null) return decimal().doubleValue();
        return switch (special) {
            case POSITIVE_INFINITY -> Double.POSITIVE_INFINITY;
            case NEGATIVE_INFINITY -> Double.NEGATIVE_INFINITY;
            default -> Double.NaN;
        };
    }

    /**
     * Fits a decimal into a signed mantissa of {@code mantissaBits} bits and an exponent in [expMin, expMax],
     * keeping the given scale where it fits and rounding half-even where it does not. At exponent 0 the five
     * mantissas at the extremes of the range are the special patterns, so they are rounded to exponent 1 instead.
     *
     * @throws IllegalArgumentException when the magnitude is too large for the format
     */
    static MderNumber fit(BigDecimal value, int mantissaBits, int expMin, int expMax) {
        Objects.requireNonNull(value, "value");
        long max = (1L << (mantissaBits - 1)) - 1;
        int maxDigits = Long.toString(max).length();
        if (value.signum() == 0) return of(0, 0);
        // value lies in [10^(magnitude-1), 10^magnitude): decide hopeless cases before any arithmetic, so that a
        // scale of a billion costs nothing (no 10^1e9 is ever built)
        long magnitude = (long) value.precision() - value.scale();
        if (magnitude > maxDigits + (long) expMax) {
            throw new IllegalArgumentException("value out of range for an 11073 number: " + value);
        }
        if (magnitude < expMin) return of(0, 0); // below half the smallest step: rounds to zero
        // Round once, from the original value, to the finest scale that fits: rounding in steps would round twice
        // (880508050 -> 8805E+5 -> 880E+6 instead of 881E+6).
        int scale = Math.min(value.scale(), -expMin);
        scale = Math.min(scale, value.scale() - Math.max(0, value.precision() - maxDigits));
        BigDecimal v = value.setScale(scale, RoundingMode.HALF_EVEN);
        while (!fits(v, max)) {
            v = value.setScale(--scale, RoundingMode.HALF_EVEN);
        }
        if (v.signum() == 0) return of(0, 0);
        if (-v.scale() > expMax) {
            // Exponent too large: trade it for mantissa digits if they fit.
            BigDecimal finer = v.setScale(-expMax);
            if (!fits(finer, max)) throw new IllegalArgumentException("value out of range for an 11073 number: " + value);
            v = finer;
        }
        return of(v.unscaledValue().intValueExact(), -v.scale());
    }

    private static boolean fits(BigDecimal v, long max) {
        BigInteger m = v.unscaledValue();
        if (m.bitLength() > 62) return false;
        long mantissa = m.longValue();
        if (mantissa > max || mantissa < -max - 1) return false;
        // exponent 0 with mantissa max-1, max, -max-1, -max, -max+1 are +INF, NaN, NRes, RFU, -INF
        return v.scale() != 0 || (mantissa < max - 1 && mantissa > -max + 1);
    }

    @Override
    public String toString() {
        return special != null ? special.name() : decimal().toPlainString();
    }
}
