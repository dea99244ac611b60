package org.telestation.devices.ble.sim;

import java.util.HexFormat;

import org.telestation.devices.ble.gatt.HealthCharacteristic;

/** What a simulated sensor does in a cycle: send a value, or lose and regain power. */
public sealed interface SimEvent {

    /** A characteristic value as the sensor sends it (notification or indication), byte for byte. */
    record Value(HealthCharacteristic characteristic, byte[] bytes) implements SimEvent {
        @Override
        public String toString() {
            return String.format("%-32s 0x%04X %s", characteristic, characteristic.uuid16(),
                    HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes));
        }
    }

    /** The sensor switches off: the link drops. */
    record PowerOff() implements SimEvent {
        @Override
        public String toString() {
            return "-- power off: link lost --";
        }
    }

    /** The sensor switches on again and advertises; a bonded central reconnects. */
    record PowerOn() implements SimEvent {
        @Override
        public String toString() {
            return "-- power on: advertising --";
        }
    }
}
