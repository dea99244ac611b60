package org.telestation.devices.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BloodPressureAndStatusTest {
    private static final Instant T = Instant.parse("2026-11-22T09:00:00Z");
    private static final DeviceIdentity CUFF =
            new DeviceIdentity(DeviceKind.BLOOD_PRESSURE_MONITOR, "A&D", "UA-651BLE", null, "AA:BB:CC:DD:EE:FF");

    @Test
    void reading_splits_into_measurements_and_regroups_with_the_union_of_flags() {
        Measurement sys = new Measurement(VitalSign.SYSTOLIC_PRESSURE, 130, T, T, CUFF, Set.of(StatusFlag.BODY_MOVEMENT));
        Measurement dia = new Measurement(VitalSign.DIASTOLIC_PRESSURE, 85, T, T, CUFF, Set.of(StatusFlag.CUFF_TOO_LOOSE));
        BloodPressure bp = BloodPressure.of(List.of(sys, dia));
        assertThat(bp.hasMean()).isFalse();
        assertThat(bp.flags()).containsExactlyInAnyOrder(StatusFlag.BODY_MOVEMENT, StatusFlag.CUFF_TOO_LOOSE);
        assertThat(bp.measurements()).extracting(Measurement::sign)
                .containsExactly(VitalSign.SYSTOLIC_PRESSURE, VitalSign.DIASTOLIC_PRESSURE);
    }

    @Test
    void parts_of_different_readings_or_other_signs_are_refused() {
        Measurement sys = new Measurement(VitalSign.SYSTOLIC_PRESSURE, 130, T, T, CUFF, null);
        Measurement laterDia = new Measurement(VitalSign.DIASTOLIC_PRESSURE, 85, T.plusSeconds(60), T, CUFF, null);
        Measurement pulse = new Measurement(VitalSign.PULSE_RATE, 70, T, T, CUFF, null);
        assertThatThrownBy(() -> BloodPressure.of(List.of(sys, laterDia))).hasMessageContaining("different readings");
        assertThatThrownBy(() -> BloodPressure.of(List.of(sys, pulse))).hasMessageContaining("not a blood-pressure");
        assertThatThrownBy(() -> BloodPressure.of(List.of(sys))).hasMessageContaining("systolic and diastolic");
    }

    @Test
    void device_status_tracks_battery_values_and_problems() {
        DeviceStatus s = DeviceStatus.connected(CUFF, T);
        assertThat(s.healthy()).isTrue();
        assertThat(s.battery()).isEmpty();
        DeviceStatus low = s.withBattery(12, T).withValueAt(T.plusSeconds(5));
        assertThat(low.battery()).hasValue(12);
        assertThat(low.lastValueTime()).isEqualTo(T.plusSeconds(5));
        DeviceStatus broken = low.withProblem(new DeviceProblem("ble.not-bonded", "Pair the cuff again"), T);
        assertThat(broken.healthy()).isFalse();
        assertThat(broken.withConnection(ConnectionState.DISCONNECTED, T).connection()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThatThrownBy(() -> s.withBattery(101, T)).isInstanceOf(IllegalArgumentException.class);
    }
}
