package org.telestation.devices.ble.gatt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telestation.devices.ble.gatt.Hex.bytes;
import static org.telestation.devices.ble.gatt.Hex.hex;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

/** Date Time 0x2A08 layout: standards.md §1.2; bytes from the §1.6 Nordic vector's time stamp. Battery 0x2A19. */
class DateTimeAndBatteryTest {

    @Test
    void dateTimeCharacteristic() throws Exception {
        GattDateTime t = GattDateTime.decode(bytes("DC 07 0C 05 0B 32 1B"));
        assertThat(t.toLocalDateTime()).contains(LocalDateTime.of(2012, 12, 5, 11, 50, 27));
        assertThat(hex(GattDateTime.of(LocalDateTime.of(2012, 12, 5, 11, 50, 27)).encode()))
                .isEqualTo("DC 07 0C 05 0B 32 1B");
    }

    @Test
    void unknownOrImpossibleFieldsGiveNoTime() throws Exception {
        assertThat(GattDateTime.decode(bytes("00 00 04 11 14 29 3B")).toLocalDateTime()).isEmpty();
        assertThat(GattDateTime.decode(bytes("E8 07 00 11 14 29 3B")).toLocalDateTime()).isEmpty();
        assertThat(GattDateTime.decode(bytes("E8 07 02 1E 14 29 3B")).toLocalDateTime()).isEmpty(); // 30 Feb
        assertThat(GattDateTime.decode(bytes("E8 07 02 01 19 00 00")).toLocalDateTime()).isEmpty(); // 25 h
        assertThatThrownBy(() -> GattDateTime.decode(bytes("E8 07 02 01 19 00")))
                .isInstanceOf(MalformedValueException.class);
    }

    @Test
    void batteryLevel() throws Exception {
        assertThat(BatteryLevel.decode(bytes("64")).percent()).isEqualTo(100);
        assertThat(BatteryLevel.decode(bytes("05")).low()).isTrue();
        assertThat(BatteryLevel.decode(bytes("50")).low()).isFalse();
        assertThat(new BatteryLevel(42).encode()).containsExactly(42);
        assertThatThrownBy(() -> BatteryLevel.decode(bytes("65"))).isInstanceOf(MalformedValueException.class);
        assertThatThrownBy(() -> BatteryLevel.decode(new byte[0])).isInstanceOf(MalformedValueException.class);
    }
}
