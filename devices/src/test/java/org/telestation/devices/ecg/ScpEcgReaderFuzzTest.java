package org.telestation.devices.ecg;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.ZoneOffset;

/**
 * Fuzz targets for SCP-ECG. {@code read} takes the bytes as they come (most stop at a CRC);
 * {@code readWithValidCrcs} first repairs the record length and every CRC the pointers reach, so the fuzzer's lying
 * length fields and counts get past the checksums into sections 0, 1, 3 and 6.
 */
class ScpEcgReaderFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void read(byte[] data) {
        try {
            ScpEcgReader.read(data, ZoneOffset.UTC);
        } catch (EcgFormatException expected) {
            // the declared error
        }
    }

    @FuzzTest(maxDuration = "60s")
    void readWithValidCrcs(byte[] data) {
        try {
            ScpEcgReader.read(withValidCrcs(data), ZoneOffset.UTC);
        } catch (EcgFormatException expected) {
            // the declared error
        }
    }

    static byte[] withValidCrcs(byte[] data) {
        byte[] r = data.clone();
        if (r.length < 22) return r;
        put32(r, 2, r.length);
        int s0Length = (int) Math.min(ScpEcgReader.u32(r, 10), r.length - 6);
        for (int p = 22; p + 10 <= 6 + s0Length && p + 10 <= r.length; p += 10) {
            long index = ScpEcgReader.u32(r, p + 6);
            if (index >= 7 && index + 15 <= r.length) {
                int offset = (int) index - 1;
                long len = ScpEcgReader.u32(r, offset + 4);
                if (len >= 16 && len <= r.length - offset) fixCrc(r, offset, (int) len);
            }
        }
        if (s0Length >= 16) fixCrc(r, 6, s0Length);
        fixCrc(r, 0, r.length);
        return r;
    }

    private static void fixCrc(byte[] r, int offset, int length) {
        int crc = ScpCrc.compute(r, offset + 2, length - 2);
        r[offset] = (byte) crc;
        r[offset + 1] = (byte) (crc >> 8);
    }

    private static void put32(byte[] b, int o, int v) {
        b[o] = (byte) v;
        b[o + 1] = (byte) (v >> 8);
        b[o + 2] = (byte) (v >> 16);
        b[o + 3] = (byte) (v >> 24);
    }
}
