package org.telestation.devices.ble.gatt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telestation.devices.ble.gatt.Hex.bytes;
import static org.telestation.devices.ble.gatt.Hex.hex;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

/** Vectors: standards.md §1.5 "PLX test vectors" (Spezi PLXTests.swift). */
class PlxMeasurementTest {

    @Test
    void continuousNormalOnlyWithExponent() throws Exception {
        String v = "00 E8 F3 84 F3";
        PlxContinuousMeasurement m = PlxContinuousMeasurement.decode(bytes(v));
        assertThat(m.spo2().decimal()).isEqualTo(new BigDecimal("100.0"));
        assertThat(m.pulseRate().decimal()).isEqualTo(new BigDecimal("90.0"));
        assertThat(m.spo2Fast()).isNull();
        assertThat(hex(m.encode())).isEqualTo(v);
    }

    @Test
    void continuousExponentZero() throws Exception {
        PlxContinuousMeasurement m = PlxContinuousMeasurement.decode(bytes("00 64 00 5A 00"));
        assertThat(m.spo2().decimal()).isEqualByComparingTo("100");
        assertThat(m.pulseRate().decimal()).isEqualByComparingTo("90");
    }

    @Test
    void continuousWithStatusAndPai() throws Exception {
        String v = "1C 5F 00 5A 00 20 00 00 00 00 57 F0";
        PlxContinuousMeasurement m = PlxContinuousMeasurement.decode(bytes(v));
        assertThat(m.spo2().decimal()).isEqualByComparingTo("95");
        assertThat(m.pulseRate().decimal()).isEqualByComparingTo("90");
        assertThat(m.measurementStatus()).isEqualTo(0x0020);
        assertThat(PlxMeasurementStatus.MEASUREMENT_ONGOING.isSetIn(m.measurementStatus())).isTrue();
        assertThat(m.deviceAndSensorStatus()).isZero();
        assertThat(m.pulseAmplitudeIndex().decimal()).isEqualTo(new BigDecimal("8.7"));
        assertThat(hex(m.encode())).isEqualTo(v);
    }

    @Test
    void continuousWithEveryField() throws Exception {
        String v = "1F DE F3 CA F3 CA F3 5A F5 D4 F3 B2 F2 20 01 00 00 00 7A E3";
        PlxContinuousMeasurement m = PlxContinuousMeasurement.decode(bytes(v));
        assertThat(m.spo2().decimal()).isEqualTo(new BigDecimal("99.0"));
        assertThat(m.pulseRate().decimal()).isEqualTo(new BigDecimal("97.0"));
        assertThat(m.spo2Fast().decimal()).isEqualTo(new BigDecimal("97.0"));
        assertThat(m.pulseRateFast().decimal()).isEqualTo(new BigDecimal("137.0"));
        assertThat(m.spo2Slow().decimal()).isEqualTo(new BigDecimal("98.0"));
        assertThat(m.pulseRateSlow().decimal()).isEqualTo(new BigDecimal("69.0"));
        assertThat(m.measurementStatus()).isEqualTo(0x0120);
        assertThat(PlxMeasurementStatus.FULLY_QUALIFIED_DATA.isSetIn(m.measurementStatus())).isTrue();
        assertThat(m.pulseAmplitudeIndex().decimal()).isEqualTo(new BigDecimal("8.90"));
        assertThat(hex(m.encode())).isEqualTo(v);
    }

    @Test
    void spotCheckWithEveryField() throws Exception {
        String v = "0F AC F3 BE F5 E8 07 0B 1D 17 08 39 20 40 22 00 00 66 E3";
        PlxSpotCheckMeasurement m = PlxSpotCheckMeasurement.decode(bytes(v));
        assertThat(m.spo2().decimal()).isEqualTo(new BigDecimal("94.0"));
        assertThat(m.pulseRate().decimal()).isEqualTo(new BigDecimal("147.0"));
        assertThat(m.timestamp().toLocalDateTime()).contains(LocalDateTime.of(2024, 11, 29, 23, 8, 57));
        assertThat(m.measurementStatus()).isEqualTo(0x4020);
        assertThat(PlxMeasurementStatus.QUESTIONABLE_MEASUREMENT_DETECTED.isSetIn(m.measurementStatus())).isTrue();
        assertThat(m.deviceAndSensorStatus()).isEqualTo(0x000022);
        assertThat(PlxDeviceSensorStatus.EQUIPMENT_MALFUNCTION_DETECTED.isSetIn(m.deviceAndSensorStatus())).isTrue();
        assertThat(PlxDeviceSensorStatus.LOW_PERFUSION_DETECTED.isSetIn(m.deviceAndSensorStatus())).isTrue();
        assertThat(m.pulseAmplitudeIndex().decimal()).isEqualTo(new BigDecimal("8.70"));
        assertThat(m.deviceClockNotSet()).isFalse();
        assertThat(hex(m.encode())).isEqualTo(v);
    }

    @Test
    void featuresVector() throws Exception {
        String v = "A3 00 40 10 80 01 00";
        PlxFeatures f = PlxFeatures.decode(bytes(v));
        assertThat(f.supportedFeatures()).isEqualTo(0x00A3);
        assertThat(f.spo2PrSlow()).isTrue();
        assertThat(f.multipleBonds()).isTrue();
        assertThat(f.spo2PrFast()).isFalse();
        assertThat(f.measurementStatusSupport()).isEqualTo(0x1040);
        assertThat(f.deviceAndSensorStatusSupport()).isEqualTo(0x000180);
        assertThat(hex(f.encode())).isEqualTo(v);
    }

    @Test
    void rejectsTruncatedValues() {
        assertThatThrownBy(() -> PlxContinuousMeasurement.decode(bytes("1C 5F 00 5A 00 20 00 00 00 00 57")))
                .isInstanceOf(MalformedValueException.class);
        assertThatThrownBy(() -> PlxSpotCheckMeasurement.decode(bytes("01 AC F3 BE F5 E8 07 0B")))
                .isInstanceOf(MalformedValueException.class);
        assertThatThrownBy(() -> PlxFeatures.decode(bytes("03 00 40 10 80 01")))
                .isInstanceOf(MalformedValueException.class);
    }
}
