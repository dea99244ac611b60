package org.telestation.devices.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;
import org.telestation.devices.model.Measurement;
import org.telestation.devices.model.StatusFlag;
import org.telestation.devices.model.VitalSign;
import org.telestation.devices.model.WaveformChunk;
import org.telestation.devices.serial.contec.ContecV7Packet;
import org.telestation.devices.serial.nonin.NoninDf13Decoder;
import org.telestation.devices.serial.nonin.NoninSpotCheck;

class ModelBridgeTest {

    static final DeviceIdentity OXIMETER = new DeviceIdentity(DeviceKind.PULSE_OXIMETER, "Contec", "CMS50E", null, "/dev/ttyUSB0");
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<WaveformChunk> waves = new ArrayList<>();
    private final VitalsSink sink = new VitalsSink() {
        @Override public void onMeasurement(Measurement m) { measurements.add(m); }
        @Override public void onWaveform(WaveformChunk w) { waves.add(w); }
    };
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void contecRealtimeMapsToSpo2PulsePiAndBatchedPleth() {
        StreamDecoder decoder = SerialProtocol.CONTEC_V7.newModelDecoder(OXIMETER, clock, ZoneOffset.UTC, sink);
        for (int i = 0; i < 10; i++) {
            byte[] p = ContecV7Packet.realtime(5, i * 10, 3, 65, 97, 250).encode();
            decoder.accept(p, 0, p.length);
        }
        assertThat(measurements).as("identical values at a fixed clock are sent once").hasSize(3);
        assertThat(measurements).extracting(Measurement::sign).containsExactly(VitalSign.OXYGEN_SATURATION,
                VitalSign.PULSE_RATE, VitalSign.PERFUSION_INDEX);
        assertThat(measurements).extracting(Measurement::value).containsExactly(97.0, 65.0, 2.5);
        assertThat(measurements).allSatisfy(m -> {
            assertThat(m.device()).isEqualTo(OXIMETER);
            assertThat(m.deviceTime()).isNull();
            assertThat(m.receiptTime()).isEqualTo(clock.instant());
        });
        // 60 Hz → batches of round(60 × 0.040) = 2 samples
        assertThat(waves).hasSize(5).allSatisfy(w -> {
            assertThat(w.channel()).isEqualTo("PLETH");
            assertThat(w.sampleRateHz()).isEqualTo(60);
            assertThat(w.samples()).hasSize(2);
        });
        assertThat(waves.get(4).samples()).containsExactly((short) 80, (short) 90);
    }

    @Test
    void changedValuesAreSentAtOnce() {
        StreamDecoder decoder = SerialProtocol.CONTEC_V7.newModelDecoder(OXIMETER, clock, ZoneOffset.UTC, sink);
        byte[] a = ContecV7Packet.realtime(5, 1, 3, 65, 97, 0xFFFF).encode();
        byte[] b = ContecV7Packet.realtime(0x80, 1, 0x13, 0xFF, 0x7F, 0xFFFF).encode();
        decoder.accept(a, 0, a.length);
        decoder.accept(b, 0, b.length);
        assertThat(measurements).hasSize(4);
        assertThat(measurements.get(2).hasValue()).isFalse();
        assertThat(measurements.get(2).flags()).contains(StatusFlag.SENSOR_DISCONNECTED, StatusFlag.NO_MEASUREMENT);
    }

    @Test
    void nonin13DeviceTimeUsesTheDeviceZone() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        StreamDecoder decoder = SerialProtocol.NONIN_DF13.newModelDecoder(OXIMETER, clock, paris, sink);
        byte[] p = NoninDf13Decoder.encode(new NoninSpotCheck(LocalDateTime.of(2024, 6, 15, 10, 30, 45), 2, 0, 72, 98));
        decoder.accept(p, 0, p.length);
        assertThat(measurements).hasSize(2);
        assertThat(measurements.get(0).deviceTime()).isEqualTo(Instant.parse("2024-06-15T08:30:45Z"));
        assertThat(waves).isEmpty();
    }
}
