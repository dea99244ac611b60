package org.telestation.devices.serial.contec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telestation.devices.serial.Hex.bytes;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.telestation.devices.model.StatusFlag;
import org.telestation.devices.serial.Hex;

/**
 * Legacy CMS50D+ live packets, bit layout of standards.md §2.2 (atbrask/CMS50Dplus). The source gives the layout,
 * not captured bytes: the vectors below are built from that layout.
 */
class ContecLegacyDecoderTest {

    private final List<ContecLegacyFrame> frames = new ArrayList<>();
    private final ContecLegacyDecoder decoder = new ContecLegacyDecoder(frames::add);

    @Test
    void layoutVector() {
        // byte0: sync | beep 0x40 | signal 5; byte1 wave 0x33; byte2: PR bit 7 (0x40) | bar 6; byte3 PR low 0x02; SpO2 97
        Hex.feedByteByByte(decoder, bytes("C5 33 46 02 61"));
        ContecLegacyFrame f = frames.get(0);
        assertThat(f.signalStrength()).isEqualTo(5);
        assertThat(f.beep()).isTrue();
        assertThat(f.fingerOut()).isFalse();
        assertThat(f.pleth()).isEqualTo(0x33);
        assertThat(f.barGraph()).isEqualTo(6);
        assertThat(f.pulseRate()).isEqualTo(130);
        assertThat(f.spo2()).isEqualTo(97);
        assertThat(f.reading().flags()).isEmpty();
    }

    @Test
    void fingerOutMeansNoMeasurement() {
        decoder.accept(bytes("90 00 20 00 00"), 0, 5);
        assertThat(frames.get(0).reading().flags()).containsExactlyInAnyOrder(StatusFlag.SENSOR_DISCONNECTED,
                StatusFlag.NO_MEASUREMENT, StatusFlag.SEARCHING);
        assertThat(frames.get(0).reading().spo2()).isNaN();
    }

    @Test
    void roundTripAndResync() {
        ContecLegacyFrame sent = ContecLegacyFrame.of(7, false, 99, 3, true, false, 201, 94);
        byte[] wire = sent.encode();
        byte[] stream = Hex.concat(bytes("85 11"), wire, bytes("01 02"), wire);
        decoder.accept(stream, 0, stream.length);
        assertThat(frames).hasSize(2).allSatisfy(f -> assertThat(f).isEqualTo(sent));
        assertThat(frames.get(0).pulseRate()).isEqualTo(201);
        assertThat(frames.get(0).probeError()).isTrue();
        assertThat(frames.get(0).reading().flags()).containsExactly(StatusFlag.SENSOR_MALFUNCTION);
        assertThat(decoder.stats().rejectedFrames()).isEqualTo(1);
    }
}
