package org.telestation.devices.ieee11073;

import java.math.BigDecimal;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for the FLOAT codec (standards.md §1.3): every 32-bit pattern decodes and re-encodes to an equal value;
 * encoding any decimal either throws the declared IllegalArgumentException (out of range) or lands within half a
 * step of the value.
 */
class MderFloatFuzzTest {
    @FuzzTest(maxDuration = "40s")
    void decode(int raw) {
        MderNumber n = MderFloat.decode(raw );
        MderNumber back = MderFloat.decode(MderFloat.encode(n));
        if (n.isFinite() ? back.decimal().compareTo(n.decimal()) != 0 : back.special() != n.special()) {
            throw new AssertionError(Integer.toHexString(raw) + " decoded as " + n + " re-encodes as " + back);
        }
    }

    @FuzzTest(maxDuration = "40s")
    void encode(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text == null ? "" : text.trim());
        } catch (NumberFormatException notANumber) {
            return;
        }
        int raw;
        try {
            raw = MderFloat.encode(value);
        } catch (IllegalArgumentException outOfRange) {
            return;
        }
        MderNumber n = MderFloat.decode(raw);
        if (!n.isFinite()) throw new AssertionError(value + " encoded as the special value " + n);
        if (Math.abs(value.scale()) > 1000) return; // exact error check would build 10^scale
        BigDecimal halfStep = BigDecimal.valueOf(5).scaleByPowerOfTen(n.exponent() - 1);
        if (n.decimal().subtract(value).abs().compareTo(halfStep) > 0 && n.decimal().signum() != 0) {
            throw new AssertionError(value + " encoded as " + n);
        }
    }
}
