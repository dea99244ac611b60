package org.telestation.devices.ble.gatt;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for the 0x2A52 Record Access Control Point responses parser: only {@link MalformedValueException} may escape, and what decodes re-encodes
 * stably. Regression inputs (the standards.md §1 vectors, then findings) live under
 * src/test/resources/org/telestation/devices/ble/gatt/RacpResponseFuzzTestInputs/decode/.
 */
class RacpResponseFuzzTest {
    @FuzzTest(maxDuration = "40s")
    void decode(byte[] value) {
        RoundTrip.check(value, RacpResponse::decode, RacpResponse::encode);
    }
}
