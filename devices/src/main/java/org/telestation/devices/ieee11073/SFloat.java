package org.telestation.devices.ieee11073;

import java.math.BigDecimal;

/**
 * IEEE 11073-20601 SFLOAT-Type: 16 bits, 4-bit signed exponent (two's complement, NO bias) over a 12-bit signed
 * mantissa, little-endian on the air (standards.md §1.3). Every 16-bit pattern decodes: there is no error case.
 */
public final class SFloat {
    public static final int MANTISSA_BITS = 12;
    public static final int EXPONENT_MIN = -8;
    public static final int EXPONENT_MAX = 7;

    private SFloat() {
    }

    /** Decodes the 16-bit raw value (already assembled from its two little-endian bytes). */
    public static MderNumber decode(int raw16) {
        int raw = raw16 & 0xFFFF;
        SpecialValue special = SpecialValue.ofSfloat(raw);
        if (special != null) return MderNumber.of(special);
        int mantissa = raw & 0x0FFF;
        if (mantissa >= 0x0800) mantissa -= 0x1000;
        int exponent = raw >> 12;
        if (exponent >= 0x8) exponent -= 0x10;
        return MderNumber.of(mantissa, exponent);
    }

    /** Decodes the two bytes at {@code offset}; the caller checks the length. */
    public static MderNumber decode(byte[] bytes, int offset) {
        return decode((bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8);
    }

    /** The 16-bit raw value of a number; finite values are fitted as by {@link #encode(BigDecimal)}. */
    public static int encode(MderNumber number) {
        if (number.special() != null) return number.special().sfloatRaw();
        return encode(number.decimal());
    }

    /**
     * The 16-bit raw value nearest to {@code value}, keeping its scale where the 12-bit mantissa allows
     * (10.1 → 0xF065, 37.60 → mantissa 376 × 10^-1 because 3760 does not fit).
     *
     * @throws IllegalArgumentException when |value| exceeds 2047 × 10^7
     */
    public static int encode(BigDecimal value) {
        MderNumber n = MderNumber.fit(value, MANTISSA_BITS, EXPONENT_MIN, EXPONENT_MAX);
        return (n.exponent() & 0x0F) << 12 | (n.mantissa() & 0x0FFF);
    }

    public static int encode(SpecialValue special) {
        return special.sfloatRaw();
    }

    /** Writes the raw value little-endian at {@code offset}. */
    public static void write(int raw16, byte[] out, int offset) {
        out[offset] = (byte) raw16;
        out[offset + 1] = (byte) (raw16 >>> 8);
    }
}
