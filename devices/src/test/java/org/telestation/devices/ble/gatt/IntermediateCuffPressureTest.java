package org.telestation.devices.ble.gatt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telestation.devices.ble.gatt.Hex.bytes;
import static org.telestation.devices.ble.gatt.Hex.hex;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.telestation.devices.ieee11073.MderNumber;

/** standards.md §1.4: 0x2A36 has the 0x2A35 layout; diastolic and MAP unused and filled with NaN (07FF). */
class IntermediateCuffPressureTest {

    @Test
    void currentPressureIsTheSystolicField() throws Exception {
        String v = "00 A0 00 FF 07 FF 07"; // 160 mmHg, NaN, NaN
        IntermediateCuffPressure icp = IntermediateCuffPressure.decode(bytes(v));
        assertThat(icp.currentCuffPressureMmHg()).isEqualByComparingTo("160");
        assertThat(hex(icp.encode())).isEqualTo(v);
    }

    @Test
    void kpaGaugeIsShownInMmHg() throws Exception {
        IntermediateCuffPressure icp = IntermediateCuffPressure.decode(bytes("01 BD F0 FF 07 FF 07"));
        assertThat(icp.unit()).isEqualTo(PressureUnit.KPA);
        assertThat(icp.currentCuffPressureMmHg()).isEqualByComparingTo("141.8");
    }

    @Test
    void roundTripWithPulseAndStatus() throws Exception {
        IntermediateCuffPressure icp = new IntermediateCuffPressure(PressureUnit.MMHG,
                MderNumber.of(new BigDecimal("95").intValue(), 0), null, MderNumber.of(72, 0), null,
                new BloodPressureStatus(0x0001));
        byte[] wire = icp.encode();
        assertThat(hex(wire)).isEqualTo("14 5F 00 FF 07 FF 07 48 00 01 00");
        assertThat(IntermediateCuffPressure.decode(wire)).isEqualTo(icp);
    }

    @Test
    void rejectsTruncatedValue() {
        assertThatThrownBy(() -> IntermediateCuffPressure.decode(bytes("00 A0 00 FF 07")))
                .isInstanceOf(MalformedValueException.class);
    }
}
