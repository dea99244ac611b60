package org.telestation.devices.ecg;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

/**
 * Fuzz target: the WFDB reader may only fail with {@link EcgFormatException}. The input is the header text, a NUL
 * byte, then the signal file.
 */
class WfdbReaderFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void read(byte[] data) {
        int nul = 0;
        while (nul < data.length && data[nul] != 0) nul++;
        String header = new String(data, 0, nul, StandardCharsets.ISO_8859_1);
        byte[] signals = nul < data.length ? java.util.Arrays.copyOfRange(data, nul + 1, data.length) : new byte[0];
        try {
            WfdbReader.read(header, signals, ZoneOffset.UTC);
        } catch (EcgFormatException expected) {
            // the declared error
        }
    }
}
