package org.telestation.devices.ieee11073;

import java.math.BigDecimal;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/** The properties both 11073 codecs must have; checked by their fuzz targets. */
record CodecProperties(IntFunction<MderNumber> decode, ToIntFunction<MderNumber> encodeNumber,
                       ToIntFunction<BigDecimal> encodeDecimal) {

    static final CodecProperties SFLOAT = new CodecProperties(SFloat::decode, SFloat::encode, SFloat::encode);
    static final CodecProperties FLOAT = new CodecProperties(MderFloat::decode, MderFloat::encode, MderFloat::encode);

    /** Every raw pattern decodes, and re-encodes to a pattern of equal value (or the same special value). */
    void decodeReencodes(int raw) {
        MderNumber n = decode.apply(raw);
        MderNumber back = decode.apply(encodeNumber.applyAsInt(n));
        if (n.isFinite() ? back.decimal().compareTo(n.decimal()) != 0 : back.special() != n.special()) {
            throw new AssertionError(Integer.toHexString(raw) + " decoded as " + n + " re-encodes as " + back);
        }
    }

    /** Any decimal either is out of range (the declared IllegalArgumentException) or lands within half a step. */
    void encodesWithinHalfAStep(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text == null ? "" : text.trim());
        } catch (NumberFormatException notANumber) {
            return;
        }
        int raw;
        try {
            raw = encodeDecimal.applyAsInt(value);
        } catch (IllegalArgumentException outOfRange) {
            return;
        }
        MderNumber n = decode.apply(raw);
        if (!n.isFinite()) throw new AssertionError(value + " encoded as the special value " + n);
        if (Math.abs(value.scale()) > 1000) return; // an exact error check would build 10^scale
        BigDecimal halfStep = BigDecimal.valueOf(5).scaleByPowerOfTen(n.exponent() - 1);
        if (n.decimal().subtract(value).abs().compareTo(halfStep) > 0 && n.decimal().signum() != 0) {
            throw new AssertionError(value + " encoded as " + n);
        }
    }
}
