package org.telestation.devices.ecg;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.ZoneOffset;

/** Fuzz target: the DICOM ECG reader may only fail with {@link EcgFormatException}. */
class DicomEcgReaderFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void read(byte[] data) {
        try {
            DicomEcgReader.read(data, ZoneOffset.UTC);
        } catch (EcgFormatException expected) {
            // the declared error
        }
    }
}
