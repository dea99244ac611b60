package org.telestation.devices.ble.gatt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telestation.devices.ble.gatt.Hex.bytes;
import static org.telestation.devices.ble.gatt.Hex.hex;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.telestation.devices.ble.gatt.BloodPressureStatus.PulseRateRange;

/** Vectors: standards.md §1.4 "BPM test vectors" (Nordic BloodPressureMeasurementDataCallbackTest). */
class BloodPressureMeasurementTest {

    @Test
    void fullMmHgVector() throws Exception {
        String v = "1E 8A 00 58 00 78 00 00 00 04 11 14 29 3B 3C 00 01 27 00";
        BloodPressureMeasurement m = BloodPressureMeasurement.decode(bytes(v));
        assertThat(m.unit()).isEqualTo(PressureUnit.MMHG);
        assertThat(m.systolic().decimal()).isEqualByComparingTo("138");
        assertThat(m.diastolic().decimal()).isEqualByComparingTo("88");
        assertThat(m.meanArterialPressure().decimal()).isEqualByComparingTo("120");
        assertThat(m.timeStamp()).isEqualTo(new GattDateTime(0, 4, 17, 20, 41, 59));
        assertThat(m.timeStamp().toLocalDateTime()).isEmpty(); // year 0 = unknown
        assertThat(m.pulseRate().decimal()).isEqualByComparingTo("60");
        assertThat(m.userId()).isEqualTo(1);
        BloodPressureStatus s = m.status();
        assertThat(s.bodyMovement()).isTrue();
        assertThat(s.cuffTooLoose()).isTrue();
        assertThat(s.irregularPulse()).isTrue();
        assertThat(s.pulseRateRange()).isEqualTo(PulseRateRange.WITHIN_RANGE);
        assertThat(s.improperMeasurementPosition()).isTrue();
        assertThat(hex(m.encode())).isEqualTo(v);
    }

    @Test
    void kpaVectorKeepsItsDecimals() throws Exception {
        String v = "15 BD F0 0B 00 9F F0 3C 00 12 00";
        BloodPressureMeasurement m = BloodPressureMeasurement.decode(bytes(v));
        assertThat(m.unit()).isEqualTo(PressureUnit.KPA);
        assertThat(m.systolic().decimal()).isEqualTo(new BigDecimal("18.9"));
        assertThat(m.diastolic().decimal()).isEqualTo(new BigDecimal("11"));
        assertThat(m.meanArterialPressure().decimal()).isEqualTo(new BigDecimal("15.9"));
        assertThat(m.pulseRate().decimal()).isEqualByComparingTo("60");
        assertThat(m.timeStamp()).isNull();
        assertThat(m.userId()).isNull();
        assertThat(m.status().cuffTooLoose()).isTrue();
        assertThat(m.status().bodyMovement()).isFalse();
        assertThat(m.status().pulseRateRange()).isEqualTo(PulseRateRange.BELOW_LOWER_LIMIT);
        assertThat(PressureUnit.KPA.toMmHg(m.systolic().decimal())).isEqualByComparingTo("141.8");
        assertThat(hex(m.encode())).isEqualTo(v);
    }

    @Test
    void unitsComeFromTheFlagNotTheMagnitude() throws Exception {
        BloodPressureMeasurement m = BloodPressureMeasurement.decode(bytes("00 BD F0 0B 00 9F F0"));
        assertThat(m.unit()).isEqualTo(PressureUnit.MMHG);
        assertThat(m.systolic().decimal()).isEqualTo(new BigDecimal("18.9"));
        assertThat(m.status()).isNull();
    }

    @Test
    void computedMinimalVectorRoundTrips() throws Exception {
        String v = "00 78 00 50 00 5D 00";
        BloodPressureMeasurement m = BloodPressureMeasurement.decode(bytes(v));
        assertThat(m.systolic().decimal()).isEqualByComparingTo("120");
        assertThat(m.diastolic().decimal()).isEqualByComparingTo("80");
        assertThat(m.meanArterialPressure().decimal()).isEqualByComparingTo("93");
        assertThat(hex(m.encode())).isEqualTo(v);
    }

    @Test
    void rejectsTooShortValues() {
        assertThatThrownBy(() -> BloodPressureMeasurement.decode(bytes("00 78 00 50 00 5D")))
                .isInstanceOf(MalformedValueException.class);
        // flags 0x03: time stamp announced but missing
        assertThatThrownBy(() -> BloodPressureMeasurement.decode(bytes("03 78 00 50 00 5D 00")))
                .isInstanceOf(MalformedValueException.class).hasMessageContaining("time stamp");
        assertThatThrownBy(() -> BloodPressureMeasurement.decode(new byte[0]))
                .isInstanceOf(MalformedValueException.class);
        assertThatThrownBy(() -> BloodPressureMeasurement.decode(null))
                .isInstanceOf(MalformedValueException.class);
    }

    @Test
    void statusBuilderMatchesBitLayout() {
        BloodPressureStatus s = BloodPressureStatus.of(true, true, true, PulseRateRange.WITHIN_RANGE, true);
        assertThat(s.raw()).isEqualTo(0x0027);
        assertThat(BloodPressureStatus.of(false, true, false, PulseRateRange.BELOW_LOWER_LIMIT, false).raw())
                .isEqualTo(0x0012);
    }
}
