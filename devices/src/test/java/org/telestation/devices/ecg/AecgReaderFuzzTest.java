package org.telestation.devices.ecg;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.ZoneOffset;

/** Fuzz target: the HL7 aECG reader may only fail with {@link EcgFormatException}. */
class AecgReaderFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void read(byte[] data) {
        try {
            AecgReader.read(data, ZoneOffset.UTC);
        } catch (EcgFormatException expected) {
            // the declared error
        }
    }
}
