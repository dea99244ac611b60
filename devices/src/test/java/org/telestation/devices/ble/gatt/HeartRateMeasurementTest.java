package org.telestation.devices.ble.gatt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telestation.devices.ble.gatt.Hex.bytes;
import static org.telestation.devices.ble.gatt.Hex.hex;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.telestation.devices.ble.gatt.HeartRateMeasurement.SensorContact;

/** Vectors: standards.md §1.7 (Nordic HeartRateMeasurementDataCallbackTest). */
class HeartRateMeasurementTest {

    @Test
    void uint8WithoutContactSupport() throws Exception {
        HeartRateMeasurement m = HeartRateMeasurement.decode(bytes("00 55"));
        assertThat(m.heartRate()).isEqualTo(85);
        assertThat(m.sensorContact()).isEqualTo(SensorContact.NOT_SUPPORTED);
        assertThat(m.energyExpendedKj()).isNull();
        assertThat(m.rrIntervals()).isEmpty();
        assertThat(hex(m.encode())).isEqualTo("00 55");
    }

    @Test
    void contactSupportedButNotDetected() throws Exception {
        HeartRateMeasurement m = HeartRateMeasurement.decode(bytes("04 FF"));
        assertThat(m.heartRate()).isEqualTo(255);
        assertThat(m.sensorContact()).isEqualTo(SensorContact.NOT_DETECTED);
        assertThat(hex(m.encode())).isEqualTo("04 FF");
    }

    @Test
    void energyAndOneRrInterval() throws Exception {
        HeartRateMeasurement m = HeartRateMeasurement.decode(bytes("1E 55 32 00 21 00"));
        assertThat(m.heartRate()).isEqualTo(85);
        assertThat(m.sensorContact()).isEqualTo(SensorContact.DETECTED);
        assertThat(m.energyExpendedKj()).isEqualTo(50);
        assertThat(m.rrIntervals()).containsExactly(33);
        assertThat(HeartRateMeasurement.rrMillis(33)).isBetween(32.2, 32.3);
        assertThat(hex(m.encode())).isEqualTo("1E 55 32 00 21 00");
    }

    @Test
    void uint16WithThreeRrIntervals() throws Exception {
        String v = "1F 01 01 32 01 01 00 02 01 FF FF";
        HeartRateMeasurement m = HeartRateMeasurement.decode(bytes(v));
        assertThat(m.heartRate()).isEqualTo(257);
        assertThat(m.uint16Format()).isTrue();
        assertThat(m.energyExpendedKj()).isEqualTo(306);
        assertThat(m.rrIntervals()).containsExactly(1, 258, 65535);
        assertThat(hex(m.encode())).isEqualTo(v);
    }

    @Test
    void rrFlagWithoutRrBytesIsInvalid() {
        assertThatThrownBy(() -> HeartRateMeasurement.decode(bytes("17 01 01")))
                .isInstanceOf(MalformedValueException.class).hasMessageContaining("RR");
    }

    @Test
    void roundTrip() throws Exception {
        HeartRateMeasurement m = new HeartRateMeasurement(72, false, SensorContact.DETECTED, null, List.of(850, 840));
        assertThat(HeartRateMeasurement.decode(m.encode())).isEqualTo(m);
    }
}
