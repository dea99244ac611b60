package org.telestation.devices.ieee11073;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for the SFLOAT codec (standards.md §1.3): every 16-bit pattern decodes and re-encodes to an equal
 * value; encoding any decimal either throws the declared IllegalArgumentException (out of range) or lands within
 * half a step of the value.
 */
class SFloatFuzzTest {
    @FuzzTest(maxDuration = "40s")
    void decode(int raw) {
        CodecProperties.SFLOAT.decodeReencodes(raw & 0xFFFF);
    }

    @FuzzTest(maxDuration = "40s")
    void encode(String text) {
        CodecProperties.SFLOAT.encodesWithinHalfAStep(text);
    }
}
