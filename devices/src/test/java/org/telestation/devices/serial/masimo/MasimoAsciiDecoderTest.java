package org.telestation.devices.serial.masimo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.telestation.devices.model.StatusFlag;
import org.telestation.devices.serial.Hex;

/** Masimo Rad-8 / Radical-7 ASCII lines of standards.md §2.3. */
class MasimoAsciiDecoderTest {

    static final String RAD8 = "02/22/16 22:47:45 SN=0000056661 SPO2=098% BPM=097 PI=03.60% SPCO=--.-% SPMET=--.-%"
            + " DESAT=-- PIDELTA=+-- ALARM=0000 EXC=000800\r\n";
    static final String RADICAL7 = "12/01/05 11:56:29 SN=0123456789 SPO2=098% BPM=240 PI=20.00% SPCO=01.0% SPMET=00.5%"
            + " DESAT=01 PIDELTA=-02 PVI=027 ALARM=0000 EXC=000820\r\n";
    static final String OLD_FIRMWARE = "09/15/10 15:10:29 SPO2=097% BPM=064 PI=11.82% ALARM=20 EXC=800\r\n";
    static final String TREND_PRINT = "09/21/08 09:56:12 SpO2=097 PR=069 PI=04.69 EXC=800:SET\r\n";

    private final List<MasimoRecord> records = new ArrayList<>();
    private final MasimoAsciiDecoder decoder = new MasimoAsciiDecoder(records::add);

    private void feed(String s) {
        Hex.feedByteByByte(decoder, s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void rad8Line() {
        feed(RAD8);
        MasimoRecord r = records.get(0);
        assertThat(r.time()).isEqualTo(LocalDateTime.of(2016, 2, 22, 22, 47, 45));
        assertThat(r.serialNumber()).isEqualTo("0000056661");
        assertThat(r.spo2()).isEqualTo(98);
        assertThat(r.pulseRate()).isEqualTo(97);
        assertThat(r.perfusionIndex()).isEqualTo(3.60);
        assertThat(r.alarm()).isZero();
        assertThat(r.exceptions()).isEqualTo(MasimoRecord.EXC_SET_MODE);
        assertThat(r.fields()).containsEntry("SPCO", "--.-%");
        assertThat(r.reading().flags()).isEmpty();
    }

    @Test
    void radical7LineWithSensorOffException() {
        feed(RADICAL7);
        MasimoRecord r = records.get(0);
        assertThat(r.pulseRate()).isEqualTo(240);
        assertThat(r.perfusionIndex()).isEqualTo(20.0);
        assertThat(r.fields()).containsEntry("PVI", "027");
        assertThat(r.exceptions()).isEqualTo(0x820);
        assertThat(r.reading().flags()).containsExactly(StatusFlag.SENSOR_DISCONNECTED);
    }

    @Test
    void olderFirmwareAndTrendPrint() {
        feed(OLD_FIRMWARE + TREND_PRINT);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).serialNumber()).isNull();
        assertThat(records.get(0).alarm()).isEqualTo(0x20);
        assertThat(records.get(0).perfusionIndex()).isEqualTo(11.82);
        assertThat(records.get(1).spo2()).isEqualTo(97);
        assertThat(records.get(1).pulseRate()).isEqualTo(69);
        assertThat(records.get(1).perfusionIndex()).isEqualTo(4.69);
        assertThat(records.get(1).exceptions()).isEqualTo(0x800);
    }

    @Test
    void dashesMeanNotAvailable() {
        feed("02/22/16 22:47:46 SN=0000056661 SPO2=---% BPM=--- PI=--.--% ALARM=0000 EXC=000021\r\n");
        MasimoRecord r = records.get(0);
        assertThat(r.spo2()).isNaN();
        assertThat(r.pulseRate()).isNaN();
        assertThat(r.perfusionIndex()).isNaN();
        assertThat(r.reading().flags()).containsExactlyInAnyOrder(StatusFlag.NO_MEASUREMENT,
                StatusFlag.SENSOR_DISCONNECTED);
    }

    @Test
    void garbageBadLinesAndCutLinesAreSkipped() {
        String cut = RAD8.substring(0, 30);
        feed("\u0001\u00ff garbage\r\n" + cut + RADICAL7 + "13/45/16 22:47:45 SPO2=098% BPM=097\r\n"
                + "02/22/16 22:47:45 SPO2=0x8% BPM=097\r\n" + "7" + RAD8);
        assertThat(records).extracting(MasimoRecord::serialNumber).containsExactly("0123456789", "0000056661");
        assertThat(decoder.stats().rejectedFrames()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void overlongLinesAreDroppedWithoutGrowingTheBuffer() {
        feed("1".repeat(5000) + "\r\n" + RAD8);
        assertThat(records).hasSize(1);
    }

    @Test
    void roundTripThroughTheFormatter() {
        String line = MasimoAsciiFormat.line(LocalDateTime.of(2026, 11, 22, 9, 5, 7), "0000000042", 94, 131, 2.5,
                0, MasimoRecord.EXC_LOW_PERFUSION | MasimoRecord.EXC_SET_MODE);
        assertThat(line).startsWith("11/22/26 09:05:07 SN=0000000042 SPO2=094% BPM=131 PI=02.50% ").endsWith("EXC=000804\r\n");
        feed(line);
        MasimoRecord r = records.get(0);
        assertThat(r.spo2()).isEqualTo(94);
        assertThat(r.pulseRate()).isEqualTo(131);
        assertThat(r.perfusionIndex()).isEqualTo(2.5);
        assertThat(r.reading().flags()).containsExactly(StatusFlag.LOW_PERFUSION);
    }
}
