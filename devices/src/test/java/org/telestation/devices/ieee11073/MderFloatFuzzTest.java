package org.telestation.devices.ieee11073;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for the FLOAT codec (standards.md §1.3): every 32-bit pattern decodes and re-encodes to an equal
 * value; encoding any decimal either throws the declared IllegalArgumentException (out of range) or lands within
 * half a step of the value.
 */
class MderFloatFuzzTest {
    @FuzzTest(maxDuration = "40s")
    void decode(int raw) {
        CodecProperties.FLOAT.decodeReencodes(raw);
    }

    @FuzzTest(maxDuration = "40s")
    void encode(String text) {
        CodecProperties.FLOAT.encodesWithinHalfAStep(text);
    }
}
