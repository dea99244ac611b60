package org.telestation.devices.serial.nonin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telestation.devices.serial.Hex.concat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.telestation.devices.serial.Hex;

/** Nonin Data Format 7 (standards.md §2.1: DF2 with a 16-bit pleth, sync on a status byte above 127). */
class NoninDf7DecoderTest {

    private final List<NoninFrame> frames = new ArrayList<>();
    private final NoninDf7Decoder decoder = new NoninDf7Decoder(frames::add);

    private static byte[] packet(int pulseRate, int spo2, int plethBase) {
        int[] floats = NoninPacket.floatsFor(pulseRate, spo2, 0x94, 23, 0);
        byte[] out = new byte[0];
        for (int i = 1; i <= NoninPacket.FRAMES; i++) {
            out = concat(out, NoninDf7Decoder.encode(NoninStatus.DF2_GREEN_PERFUSION | (i == 1 ? NoninStatus.DF2_SYNC : 0),
                    plethBase + i * 1000, floats[i]));
        }
        return out;
    }

    @Test
    void frameLayoutIsStatusPlethMsbPlethLsbFloatChecksum() {
        byte[] frame = NoninDf7Decoder.encode(0x81, 0x1234, 0x4A);
        // checksum = (0x81 + 0x12 + 0x34 + 0x4A) mod 256 = 0x111 mod 256 = 0x11
        assertThat(Hex.of(frame)).isEqualTo("81 12 34 4A 11");
        decoder.accept(frame, 0, frame.length);
        assertThat(frames).singleElement().satisfies(f -> {
            assertThat(f.pleth()).isEqualTo(0x1234);
            assertThat(f.plethSamples()).containsExactly((short) (0x1234 - 32768));
            assertThat(f.sync()).isTrue();
        });
    }

    @Test
    void roundTripAndSixteenBitPleth() {
        byte[] p = packet(74, 96, 40000);
        Hex.feedByteByByte(decoder, p);
        NoninPacket packet = frames.get(24).packet();
        assertThat(packet.pulseRate()).isEqualTo(74);
        assertThat(packet.spo2()).isEqualTo(96);
        assertThat(frames.get(24).pleth()).isEqualTo(40000 + 25 * 1000);
    }

    @Test
    void resynchronisesAfterGarbageAndTruncation() {
        byte[] p = packet(120, 91, 0);
        byte[] stream = concat(Hex.bytes("FF FE 80 00 11"), p, java.util.Arrays.copyOf(p, 12), p);
        decoder.accept(stream, 0, stream.length);
        assertThat(frames.stream().filter(f -> f.packet() != null))
                .hasSize(2).allSatisfy(f -> assertThat(f.packet().pulseRate()).isEqualTo(120));
    }
}
