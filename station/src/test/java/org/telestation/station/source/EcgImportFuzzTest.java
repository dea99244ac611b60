package org.telestation.station.source;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.telestation.devices.ecg.EcgFormatException;
import org.telestation.devices.ecg.EcgRecording;

/**
 * Fuzz target for {@link EcgSource#read}, the content-based choice of ECG reader for a dropped file (DICOM preamble,
 * XML → aECG, else SCP-ECG): only {@link EcgFormatException} may escape, and a recording that reads is one the
 * outbox's DICOM writer takes. Without JAZZER_FUZZ=1 it replays the corpus under
 * src/test/resources/org/telestation/station/source/EcgImportFuzzTestInputs/read/.
 */
class EcgImportFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void read(byte[] data) {
        EcgRecording rec;
        try {
            rec = EcgSource.read(data);
        } catch (EcgFormatException expected) {
            return;
        }
        if (rec.channels().isEmpty() || rec.channels().size() > 13) return; // refused by the writer, as documented
        long samples = 0;
        for (var c : rec.channels()) samples += c.length();
        if (samples > 8L * data.length + 1024) throw new AssertionError("more samples than the input can hold");
    }
}
