package org.telestation.devices.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz targets for {@link WavReader}: only {@link WavFormatException} may escape, and what it returns never claims
 * more samples than the input held. Without JAZZER_FUZZ=1 these replay the corpus under
 * src/test/resources/org/telestation/devices/audio/WavReaderFuzzTestInputs/.
 */
class WavReaderFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void readBytes(byte[] data) {
        try {
            check(WavReader.read(data), data.length);
        } catch (WavFormatException expected) {
            // the declared error
        }
    }

    @FuzzTest(maxDuration = "60s")
    void readStream(byte[] data) {
        try {
            check(WavReader.read(new ByteArrayInputStream(data), 4096), data.length);
        } catch (WavFormatException expected) {
            // the declared error
        } catch (IOException e) {
            throw new AssertionError("only WavFormatException may escape", e);
        }
    }

    private static void check(WavAudio a, int inputLength) {
        if (a.pcm16le().length > inputLength) throw new AssertionError("more PCM than input bytes");
        if (a.pcm16le().length % (2 * a.channels()) != 0) throw new AssertionError("partial frame returned");
        if (a.channels() < 1 || a.channels() > 8 || a.sampleRateHz() < 1) throw new AssertionError("bad format " + a);
    }
}
