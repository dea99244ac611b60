package org.telestation.devices.dicom;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.ZoneOffset;

/** Fuzz target: retinography image extraction may only fail with {@link DicomFormatException}. */
class DicomImagesFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void read(byte[] data) {
        try {
            DicomImages.read(data, ZoneOffset.UTC);
        } catch (DicomFormatException expected) {
            // the declared error
        }
    }
}
