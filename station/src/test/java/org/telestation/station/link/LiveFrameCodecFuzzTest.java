package org.telestation.station.link;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for {@link LiveFrameCodec#decode}: only {@link MalformedFrameException} may escape, and a decoded
 * frame never holds more samples than the input had bytes. Without JAZZER_FUZZ=1 it replays the corpus under
 * src/test/resources/org/telestation/station/link/LiveFrameCodecFuzzTestInputs/.
 */
class LiveFrameCodecFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void decode(byte[] data) {
        try {
            LiveBatch batch = LiveFrameCodec.decode(data);
            long samples = 0;
            for (LiveBatch.Entry e : batch.entries()) {
                if (e instanceof LiveBatch.Waveform w) samples += w.samples().length;
            }
            if (samples * 2 > data.length) throw new AssertionError("more samples than input bytes");
        } catch (MalformedFrameException expected) {
            // the declared error
        }
    }
}
