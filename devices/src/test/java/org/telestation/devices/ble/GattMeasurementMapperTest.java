package org.telestation.devices.ble;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.telestation.devices.ble.gatt.BloodPressureMeasurement;
import org.telestation.devices.ble.gatt.HeartRateMeasurement;
import org.telestation.devices.ble.gatt.PlxContinuousMeasurement;
import org.telestation.devices.ble.gatt.PlxSpotCheckMeasurement;
import org.telestation.devices.ble.gatt.TemperatureMeasurement;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;
import org.telestation.devices.model.Measurement;
import org.telestation.devices.model.StatusFlag;
import org.telestation.devices.model.VitalSign;

/** Decoded standards.md §1 vectors mapped to the shared model. */
class GattMeasurementMapperTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant RECEIPT = Instant.parse("2026-11-22T10:00:00Z");
    private final DeviceIdentity cuff = new DeviceIdentity(DeviceKind.BLOOD_PRESSURE_MONITOR, "A&D", "UA-651BLE",
            null, "AA:BB:CC:DD:EE:01");
    private final GattMeasurementMapper mapper = new GattMeasurementMapper(cuff, PARIS);

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void bloodPressureInMmHgWithStatusFlags() throws Exception {
        BloodPressureMeasurement bp = BloodPressureMeasurement.decode(
                hex("1E 8A 00 58 00 78 00 00 00 04 11 14 29 3B 3C 00 01 27 00"));
        List<Measurement> ms = mapper.map(bp, RECEIPT, Set.of());
        assertThat(ms).extracting(Measurement::sign).containsExactly(VitalSign.SYSTOLIC_PRESSURE,
                VitalSign.DIASTOLIC_PRESSURE, VitalSign.MEAN_ARTERIAL_PRESSURE, VitalSign.PULSE_RATE);
        assertThat(ms).extracting(Measurement::value).containsExactly(138.0, 88.0, 120.0, 60.0);
        assertThat(ms.get(0).unit()).isEqualTo("mm[Hg]");
        assertThat(ms.get(0).flags()).containsExactlyInAnyOrder(StatusFlag.BODY_MOVEMENT, StatusFlag.CUFF_TOO_LOOSE,
                StatusFlag.IRREGULAR_PULSE, StatusFlag.IMPROPER_MEASUREMENT_POSITION);
        assertThat(ms.get(0).deviceTime()).isNull(); // year 0: unknown
        assertThat(ms.get(0).effectiveTime()).isEqualTo(RECEIPT);
    }

    @Test
    void kpaIsAlwaysConvertedToMmHg() throws Exception {
        BloodPressureMeasurement bp = BloodPressureMeasurement.decode(hex("15 BD F0 0B 00 9F F0 3C 00 12 00"));
        List<Measurement> ms = mapper.map(bp, RECEIPT, Set.of(StatusFlag.LOW_BATTERY));
        assertThat(ms.get(0).value()).isEqualTo(141.8);
        assertThat(ms.get(1).value()).isEqualTo(82.5);
        assertThat(ms.get(2).value()).isEqualTo(119.3);
        assertThat(ms.get(0).flags()).containsExactlyInAnyOrder(StatusFlag.CUFF_TOO_LOOSE,
                StatusFlag.PULSE_RATE_OUT_OF_RANGE, StatusFlag.LOW_BATTERY);
    }

    @Test
    void specialValuesBecomeFlaggedNaN() throws Exception {
        BloodPressureMeasurement bp = BloodPressureMeasurement.decode(hex("00 FF 07 00 08 FE 07"));
        List<Measurement> ms = mapper.map(bp, RECEIPT, null);
        assertThat(ms).allMatch(m -> !m.hasValue());
        assertThat(ms.get(0).flags()).containsExactly(StatusFlag.NO_MEASUREMENT);
        assertThat(ms.get(1).flags()).containsExactly(StatusFlag.NO_MEASUREMENT);
        assertThat(ms.get(2).flags()).containsExactly(StatusFlag.OUT_OF_RANGE);
    }

    @Test
    void spotCheckWithDeviceTimeAndSensorFlags() throws Exception {
        PlxSpotCheckMeasurement m = PlxSpotCheckMeasurement.decode(
                hex("0F AC F3 BE F5 E8 07 0B 1D 17 08 39 20 40 22 00 00 66 E3"));
        List<Measurement> ms = mapper.map(m, RECEIPT, Set.of());
        assertThat(ms).extracting(Measurement::sign).containsExactly(VitalSign.OXYGEN_SATURATION,
                VitalSign.PULSE_RATE, VitalSign.PERFUSION_INDEX);
        assertThat(ms).extracting(Measurement::value).containsExactly(94.0, 147.0, 8.7);
        assertThat(ms.get(0).deviceTime()).isEqualTo(ZonedDateTime.of(2024, 11, 29, 23, 8, 57, 0, PARIS).toInstant());
        assertThat(ms.get(0).flags()).containsExactlyInAnyOrder(StatusFlag.ARTIFACT, StatusFlag.SENSOR_MALFUNCTION,
                StatusFlag.LOW_PERFUSION);
    }

    @Test
    void continuousUsesTheNormalPair() throws Exception {
        PlxContinuousMeasurement m = PlxContinuousMeasurement.decode(
                hex("1F DE F3 CA F3 CA F3 5A F5 D4 F3 B2 F2 20 01 00 00 00 7A E3"));
        List<Measurement> ms = mapper.map(m, RECEIPT, Set.of());
        assertThat(ms).extracting(Measurement::value).containsExactly(99.0, 97.0, 8.9);
        assertThat(ms.get(0).unit()).isEqualTo("%");
        assertThat(ms.get(0).flags()).isEmpty();
    }

    @Test
    void temperatureInCelsius() throws Exception {
        Measurement t = mapper.map(TemperatureMeasurement.decode(hex("06 B0 0E 00 FE DC 07 0C 05 0B 32 1B 04")),
                RECEIPT, Set.of());
        assertThat(t.sign()).isEqualTo(VitalSign.BODY_TEMPERATURE);
        assertThat(t.unit()).isEqualTo("Cel");
        assertThat(t.value()).isEqualTo(37.6);
        assertThat(t.deviceTime()).isEqualTo(ZonedDateTime.of(2012, 12, 5, 11, 50, 27, 0, PARIS).toInstant());
    }

    @Test
    void heartRateWithoutContactIsFlagged() throws Exception {
        Measurement hr = mapper.map(HeartRateMeasurement.decode(hex("04 FF")), RECEIPT, Set.of());
        assertThat(hr.sign()).isEqualTo(VitalSign.HEART_RATE);
        assertThat(hr.value()).isEqualTo(255.0);
        assertThat(hr.flags()).containsExactly(StatusFlag.SENSOR_DISCONNECTED);
    }
}
