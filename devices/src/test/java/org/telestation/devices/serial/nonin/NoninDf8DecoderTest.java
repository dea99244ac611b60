package org.telestation.devices.serial.nonin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telestation.devices.serial.Hex.bytes;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.telestation.devices.model.StatusFlag;
import org.telestation.devices.serial.Hex;

/** Nonin Data Format 8, vectors of standards.md §2.1 (computed there, [I]). */
class NoninDf8DecoderTest {

    private final List<NoninDf8Frame> frames = new ArrayList<>();
    private final NoninDf8Decoder decoder = new NoninDf8Decoder(frames::add);

    @Test
    void vectorsOfSection21() {
        Hex.feedByteByByte(decoder, bytes("80 48 62 00  81 02 60 00  83 7F 7F 00"));
        assertThat(frames).hasSize(3);
        assertThat(frames.get(0).pulseRate()).isEqualTo(72);
        assertThat(frames.get(0).spo2()).isEqualTo(98);
        assertThat(frames.get(0).reading().flags()).isEmpty();
        assertThat(frames.get(1).pulseRate()).isEqualTo(130);
        assertThat(frames.get(1).spo2()).isEqualTo(96);
        assertThat(frames.get(2).reading().spo2()).isNaN();
        assertThat(frames.get(2).reading().pulseRate()).isNaN();
        assertThat(frames.get(2).reading().flags()).containsExactly(StatusFlag.NO_MEASUREMENT);
    }

    @Test
    void statusBitsOfStatusAndStat2() {
        // OOT | LPRF | ARTF, HR 72; STAT2 = SPA | SNSA | LOW BAT
        decoder.accept(bytes("B4 48 62 29"), 0, 4);
        NoninDf8Frame f = frames.get(0);
        assertThat(f.outOfTrack()).isTrue();
        assertThat(f.lowPerfusion()).isTrue();
        assertThat(f.marginalPerfusion()).isFalse();
        assertThat(f.artifact()).isTrue();
        assertThat(f.smartPoint()).isTrue();
        assertThat(f.sensorAlarm()).isTrue();
        assertThat(f.lowBattery()).isTrue();
        assertThat(f.reading().flags()).containsExactlyInAnyOrder(StatusFlag.SEARCHING, StatusFlag.LOW_PERFUSION,
                StatusFlag.ARTIFACT, StatusFlag.SENSOR_DISCONNECTED, StatusFlag.LOW_BATTERY);
    }

    @Test
    void truncatedFrameAndGarbageAreSkipped() {
        byte[] stream = bytes("80 48   FF 01 02 03 80 81   80 48 62 00   83 02");
        decoder.accept(stream, 0, stream.length);
        assertThat(frames).singleElement().satisfies(f -> assertThat(f.pulseRate()).isEqualTo(72));
        decoder.accept(bytes("7F 00"), 0, 2);
        assertThat(frames).hasSize(2);
        assertThat(frames.get(1).pulseRate()).isEqualTo((3 << 7) | 2);
    }

    @Test
    void outOfRangeValuesAreFlagged() {
        decoder.accept(NoninDf8Frame.encode(0, 400, 115, 0), 0, 4);
        assertThat(frames.get(0).pulseRate()).isEqualTo(400);
        assertThat(frames.get(0).reading().flags()).containsExactly(StatusFlag.OUT_OF_RANGE);
        assertThat(frames.get(0).reading().spo2()).isEqualTo(115);
    }

    @Test
    void roundTrip() {
        for (int hr = 0; hr < 511; hr += 7) {
            byte[] f = NoninDf8Frame.encode(NoninStatus.DF8_MARGINAL_PERFUSION, hr, hr % 101, NoninStatus.STAT2_SMARTPOINT);
            decoder.accept(f, 0, f.length);
        }
        assertThat(frames).hasSize(73);
        for (int i = 0; i < frames.size(); i++) {
            assertThat(frames.get(i).pulseRate()).isEqualTo(i * 7);
            assertThat(frames.get(i).spo2()).isEqualTo((i * 7) % 101);
            assertThat(frames.get(i).marginalPerfusion()).isTrue();
            assertThat(frames.get(i).smartPoint()).isTrue();
        }
    }
}
