package org.telestation.devices.serial.nonin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telestation.devices.serial.Hex.bytes;
import static org.telestation.devices.serial.Hex.concat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.telestation.devices.model.StatusFlag;
import org.telestation.devices.serial.Hex;

/** Nonin Data Format 13 (SmartPoint), vector of standards.md §2.1 (computed there, [I]). */
class NoninDf13DecoderTest {

    static final String VECTOR = "00 02 00 0D 00 0E 20 24 06 15 10 30 45 00 02 00 00 48 00 62 90 03";

    private final List<NoninSpotCheck> checks = new ArrayList<>();
    private final NoninDf13Decoder decoder = new NoninDf13Decoder(checks::add);

    @Test
    void vectorOfSection21() {
        Hex.feedByteByByte(decoder, bytes(VECTOR));
        assertThat(checks).singleElement().satisfies(c -> {
            assertThat(c.time()).isEqualTo(LocalDateTime.of(2024, 6, 15, 10, 30, 45));
            assertThat(c.smartPoint()).isTrue();
            assertThat(c.noMeasurement()).isFalse();
            assertThat(c.fromMemory()).isFalse();
            assertThat(c.lowBattery()).isFalse();
            assertThat(c.pulseRate()).isEqualTo(72);
            assertThat(c.spo2()).isEqualTo(98);
            assertThat(c.reading().deviceLocalTime()).isEqualTo(c.time());
        });
    }

    @Test
    void encodeReproducesTheVector() {
        NoninSpotCheck c = new NoninSpotCheck(LocalDateTime.of(2024, 6, 15, 10, 30, 45), 0x02, 0x00, 72, 98);
        assertThat(Hex.of(NoninDf13Decoder.encode(c))).isEqualTo(VECTOR);
    }

    @Test
    void ninthPulseRateBitNoMeasurementLowBatteryAndMemory() {
        NoninSpotCheck c = new NoninSpotCheck(LocalDateTime.of(2031, 1, 2, 3, 4, 5), 0x01, 0x11, 300, 127);
        decoder.accept(NoninDf13Decoder.encode(c), 0, 22);
        NoninSpotCheck d = checks.get(0);
        assertThat(d).isEqualTo(c);
        assertThat(d.fromMemory()).isTrue();
        assertThat(d.reading().flags()).containsExactlyInAnyOrder(StatusFlag.NO_MEASUREMENT, StatusFlag.LOW_BATTERY);
        assertThat(d.reading().spo2()).isNaN();
    }

    @Test
    void longerPacketsAreHonouredAndLyingLengthsRejected() {
        // Data length 16: two extra bytes after SpO2, checksum over all 16.
        byte[] longer = bytes("00 02 00 0D 00 10 20 24 06 15 10 30 45 00 02 00 00 48 00 62 AA 01 3B 03");
        byte[] lying = bytes("00 02 00 0D FF FF 20 24");
        byte[] stream = concat(lying, longer, bytes(VECTOR));
        decoder.accept(stream, 0, stream.length);
        assertThat(checks).hasSize(2).allSatisfy(c -> assertThat(c.spo2()).isEqualTo(98));
        assertThat(decoder.stats().rejectedFrames()).isEqualTo(1);
    }

    @Test
    void badChecksumOrTrailerIsRejected() {
        byte[] bad = bytes(VECTOR);
        bad[20] ^= 0x40;
        byte[] noEtx = bytes(VECTOR);
        noEtx[21] = 0x04;
        byte[] stream = concat(bad, noEtx, bytes(VECTOR));
        decoder.accept(stream, 0, stream.length);
        assertThat(checks).hasSize(1);
        assertThat(decoder.stats().rejectedFrames()).isEqualTo(2);
    }

    @Test
    void invalidBcdDateIsRejected() {
        byte[] p = NoninDf13Decoder.encode(new NoninSpotCheck(LocalDateTime.of(2024, 6, 15, 10, 30, 45), 2, 0, 72, 98));
        p[8] = 0x13; // month 13
        p[20] = (byte) (p[20] + (0x13 - 0x06));
        decoder.accept(p, 0, p.length);
        assertThat(checks).isEmpty();
        assertThat(decoder.stats().rejectedFrames()).isEqualTo(1);
    }
}
