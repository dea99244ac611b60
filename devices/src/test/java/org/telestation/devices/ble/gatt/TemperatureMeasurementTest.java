package org.telestation.devices.ble.gatt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telestation.devices.ble.gatt.Hex.bytes;
import static org.telestation.devices.ble.gatt.Hex.hex;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.telestation.devices.ieee11073.MderNumber;
import org.telestation.devices.ieee11073.SpecialValue;

/** Vectors: standards.md §1.6 (Nordic TemperatureMeasurementDataCallbackTest + computed). */
class TemperatureMeasurementTest {

    @Test
    void nordicVector() throws Exception {
        String v = "06 B0 0E 00 FE DC 07 0C 05 0B 32 1B 04";
        TemperatureMeasurement t = TemperatureMeasurement.decode(bytes(v));
        assertThat(t.fahrenheit()).isFalse();
        assertThat(t.celsius()).isEqualTo(new BigDecimal("37.60"));
        assertThat(t.timeStamp().toLocalDateTime()).contains(LocalDateTime.of(2012, 12, 5, 11, 50, 27));
        assertThat(t.temperatureType()).isEqualTo(TemperatureType.FINGER);
        assertThat(hex(t.encode())).isEqualTo(v);
    }

    @Test
    void nordicVectorTruncatedIsInvalid() {
        byte[] twelve = Arrays.copyOf(bytes("06 B0 0E 00 FE DC 07 0C 05 0B 32 1B 04"), 12);
        assertThatThrownBy(() -> TemperatureMeasurement.decode(twelve)).isInstanceOf(MalformedValueException.class);
    }

    @Test
    void computedMinimalVector() throws Exception {
        TemperatureMeasurement t = TemperatureMeasurement.decode(bytes("00 6E 01 00 FF"));
        assertThat(t.celsius()).isEqualTo(new BigDecimal("36.6"));
        assertThat(t.timeStamp()).isNull();
        assertThat(t.temperatureTypeCode()).isNull();
    }

    @Test
    void fahrenheitIsConvertedToCelsius() throws Exception {
        TemperatureMeasurement t = new TemperatureMeasurement(MderNumber.of(986, -1), true, null, 9);
        byte[] wire = t.encode();
        assertThat(hex(wire)).isEqualTo("05 DA 03 00 FF 09");
        TemperatureMeasurement back = TemperatureMeasurement.decode(wire);
        assertThat(back.celsius()).isEqualByComparingTo("37.00");
        assertThat(back.temperatureType()).isEqualTo(TemperatureType.TYMPANUM);
    }

    @Test
    void noMeasurementHasNoCelsius() throws Exception {
        TemperatureMeasurement t = TemperatureMeasurement.decode(bytes("00 FF FF 7F 00"));
        assertThat(t.temperature().special()).isEqualTo(SpecialValue.NAN);
        assertThat(t.celsius()).isNull();
    }

    @Test
    void temperatureTypeCharacteristic() throws Exception {
        assertThat(TemperatureType.decode(bytes("09"))).isEqualTo(9);
        assertThat(TemperatureType.fromCode(TemperatureType.decode(bytes("01")))).isEqualTo(TemperatureType.ARMPIT);
        assertThat(TemperatureType.fromCode(0)).isNull();
        assertThat(TemperatureType.fromCode(10)).isNull();
        assertThat(TemperatureType.MOUTH.encode()).containsExactly(6);
        assertThatThrownBy(() -> TemperatureType.decode(new byte[0])).isInstanceOf(MalformedValueException.class);
    }
}
