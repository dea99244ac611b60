package org.telestation.station.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/wire-protocol.md §3: byte layout of the binary live frame. */
class LiveFrameCodecTest {

    @Test
    void encodesTheDocumentedLayoutByteForByte() throws Exception {
        LiveBatch batch = new LiveBatch(0x0102030405060708L, -2,
                List.of(new LiveBatch.Waveform("d", "P", 100f, 1L, 1f, 0f, "1", new short[] {1, -1})));
        byte[] frame = LiveFrameCodec.encode(batch);
        byte[] expected = {
                'T', 'L', 1, 1,
                1, 2, 3, 4, 5, 6, 7, 8,              // station time
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE, // offset −2
                0, 1,                                // one entry
                1, 1, 'd', 1, 'P',                   // waveform, device "d", channel "P"
                0x42, (byte) 0xC8, 0, 0,             // 100.0f
                0, 0, 0, 0, 0, 0, 0, 1,              // start time 1
                0x3F, (byte) 0x80, 0, 0,             // scale 1.0f
                0, 0, 0, 0,                          // offset 0.0f
                1, '1',                              // unit "1"
                0, 2, 0, 1, (byte) 0xFF, (byte) 0xFF // 2 samples: 1, −1
        };
        assertThat(frame).containsExactly(expected);
        assertThat(LiveFrameCodec.decode(frame).entries().get(0)).isInstanceOfSatisfying(LiveBatch.Waveform.class,
                w -> assertThat(w.samples()).containsExactly((short) 1, (short) -1));
    }

    @Test
    void roundTripsWaveformsAndSpotValues() throws Exception {
        LiveBatch batch = new LiveBatch(1_700_000_000_123L, 42, List.of(
                new LiveBatch.Waveform("pulse_oximeter:SIM-1", "PLETH", 100f, 1_700_000_000_000L, 0.001f, 0f, "1",
                        new short[] {100, 900, -5, 0}),
                new LiveBatch.Spot("pulse_oximeter:SIM-1", "OXYGEN_SATURATION", 97.0, LiveBatch.Spot.NO_TIME,
                        1_700_000_000_050L, 0b101)));
        LiveBatch back = LiveFrameCodec.decode(LiveFrameCodec.encode(batch));
        assertThat(back.stationTimeMs()).isEqualTo(batch.stationTimeMs());
        assertThat(back.clockOffsetMs()).isEqualTo(42);
        assertThat(back.entries().get(1)).isEqualTo(batch.entries().get(1));
        LiveBatch.Waveform w = (LiveBatch.Waveform) back.entries().get(0);
        assertThat(w.samples()).containsExactly((short) 100, (short) 900, (short) -5, (short) 0);
        assertThat(w.channel()).isEqualTo("PLETH");
        assertThat(w.scale()).isEqualTo(0.001f);
    }

    @Test
    void refusesTruncatedLyingAndForeignFrames() {
        byte[] good = LiveFrameCodec.encode(new LiveBatch(1, 0,
                List.of(new LiveBatch.Spot("d", "PULSE_RATE", 72, 0, 0, 0))));
        for (int cut = 0; cut < good.length; cut++) {
            byte[] truncated = Arrays.copyOf(good, cut);
            assertThatThrownBy(() -> LiveFrameCodec.decode(truncated)).isInstanceOf(MalformedFrameException.class);
        }
        byte[] lyingCount = good.clone();
        lyingCount[16] = (byte) 0xFF;
        lyingCount[17] = (byte) 0xFF;
        assertThatThrownBy(() -> LiveFrameCodec.decode(lyingCount)).isInstanceOf(MalformedFrameException.class)
                .hasMessageContaining("entry count");
        byte[] foreign = good.clone();
        foreign[0] = 'X';
        assertThatThrownBy(() -> LiveFrameCodec.decode(foreign)).isInstanceOf(MalformedFrameException.class);
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> LiveFrameCodec.decode(trailing)).isInstanceOf(MalformedFrameException.class);
    }
}
