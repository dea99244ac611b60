package org.telestation.devices.ble.gatt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** standards.md §0.2: which characteristics indicate, which notify, and the CCCD value the client writes. */
class HealthCharacteristicTest {

    @Test
    void indicateAndNotifyPerSigServiceDefinitions() {
        assertThat(HealthCharacteristic.BLOOD_PRESSURE_MEASUREMENT.delivery()).isEqualTo(Delivery.INDICATE);
        assertThat(HealthCharacteristic.TEMPERATURE_MEASUREMENT.delivery()).isEqualTo(Delivery.INDICATE);
        assertThat(HealthCharacteristic.PLX_SPOT_CHECK_MEASUREMENT.delivery()).isEqualTo(Delivery.INDICATE);
        assertThat(HealthCharacteristic.HEART_RATE_MEASUREMENT.delivery()).isEqualTo(Delivery.NOTIFY);
        assertThat(HealthCharacteristic.PLX_CONTINUOUS_MEASUREMENT.delivery()).isEqualTo(Delivery.NOTIFY);
        assertThat(HealthCharacteristic.INTERMEDIATE_CUFF_PRESSURE.delivery()).isEqualTo(Delivery.NOTIFY);
        assertThat(HealthCharacteristic.PLX_RECORD_ACCESS_CONTROL_POINT.delivery()).isEqualTo(Delivery.WRITE_INDICATE);
        assertThat(HealthCharacteristic.BLOOD_PRESSURE_FEATURE.delivery().subscribable()).isFalse();
    }

    @Test
    void cccdValuesOnTheWire() {
        assertThat(Delivery.INDICATE.cccdBytes()).containsExactly(0x02, 0x00);
        assertThat(Delivery.NOTIFY.cccdBytes()).containsExactly(0x01, 0x00);
        assertThat(Delivery.WRITE_INDICATE.cccdValue()).isEqualTo(0x0002);
    }

    @Test
    void uuidsAreTheSigBaseForms() {
        assertThat(HealthCharacteristic.BLOOD_PRESSURE_MEASUREMENT.uuid()).hasToString(
                "00002a35-0000-1000-8000-00805f9b34fb");
        assertThat(HealthService.PULSE_OXIMETER.uuid()).hasToString("00001822-0000-1000-8000-00805f9b34fb");
        assertThat(HealthService.byUuid("0000180D-0000-1000-8000-00805F9B34FB")).isEqualTo(HealthService.HEART_RATE);
        assertThat(HealthCharacteristic.find(HealthService.PULSE_OXIMETER, "00002a52-0000-1000-8000-00805f9b34fb"))
                .isEqualTo(HealthCharacteristic.PLX_RECORD_ACCESS_CONTROL_POINT);
    }
}
