package org.telestation.devices.ieee11073;

import java.math.BigDecimal;

/**
 * IEEE 11073-20601 FLOAT-Type: 32 bits, 8-bit signed exponent (two's complement, NO bias) over a 24-bit signed
 * mantissa, little-endian on the air (standards.md §1.3). Every 32-bit pattern decodes: there is no error case.
 */
public final class MderFloat {
    public static final int MANTISSA_BITS = 24;
    public static final int EXPONENT_MIN = -128;
    public static final int EXPONENT_MAX = 127;

    private MderFloat() {
    }

    /** Decodes the 32-bit raw value (already assembled from its four little-endian bytes). */
    public static MderNumber decode(int raw) {
        SpecialValue special = SpecialValue.ofFloat(raw);
        if (special != null) return MderNumber.of(special);
        int mantissa = raw & 0xFFFFFF;
        if (mantissa >= 0x800000) mantissa -= 0x1000000;
        int exponent = (byte) (raw >>> 24);
        return MderNumber.of(mantissa, exponent);
    }

    /** Decodes the four bytes at {@code offset}; the caller checks the length. */
    public static MderNumber decode(byte[] bytes, int offset) {
        return decode((bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8
                | (bytes[offset + 2] & 0xFF) << 16 | (bytes[offset + 3] & 0xFF) << 24);
    }

    public static int encode(MderNumber number) {
        if (number.special() != null) return number.special().floatRaw();
        return encode(number.decimal());
    }

    /**
     * The 32-bit raw value nearest to {@code value}, keeping its scale where the 24-bit mantissa allows
     * (37.60 → 0xFE000EB0).
     *
     * @throws IllegalArgumentException when the value is beyond the format's range
     */
    public static int encode(BigDecimal value) {
        MderNumber n = MderNumber.fit(value, MANTISSA_BITS, EXPONENT_MIN, EXPONENT_MAX);
        return (n.exponent() & 0xFF) << 24 | (n.mantissa() & 0xFFFFFF);
    }

    public static int encode(SpecialValue special) {
        return special.floatRaw();
    }

    /** Writes the raw value little-endian at {@code offset}. */
    public static void write(int raw, byte[] out, int offset) {
        out[offset] = (byte) raw;
        out[offset + 1] = (byte) (raw >>> 8);
        out[offset + 2] = (byte) (raw >>> 16);
        out[offset + 3] = (byte) (raw >>> 24);
    }
}
