package org.telestation.devices.ble.gatt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telestation.devices.ble.gatt.Hex.bytes;
import static org.telestation.devices.ble.gatt.Hex.hex;

import org.junit.jupiter.api.Test;

/** standards.md §1.4 Blood Pressure Feature 0x2A49 bits (SIG XML); vector constructed from that layout. */
class BloodPressureFeatureTest {

    @Test
    void decodesEveryBit() throws Exception {
        BloodPressureFeature f = BloodPressureFeature.decode(bytes("2F 00"));
        assertThat(f.bodyMovementDetection()).isTrue();
        assertThat(f.cuffFitDetection()).isTrue();
        assertThat(f.irregularPulseDetection()).isTrue();
        assertThat(f.pulseRateRangeDetection()).isTrue();
        assertThat(f.measurementPositionDetection()).isFalse();
        assertThat(f.multipleBonds()).isTrue();
        assertThat(hex(f.encode())).isEqualTo("2F 00");
    }

    @Test
    void rejectsOneByte() {
        assertThatThrownBy(() -> BloodPressureFeature.decode(bytes("2F"))).isInstanceOf(MalformedValueException.class);
    }
}
