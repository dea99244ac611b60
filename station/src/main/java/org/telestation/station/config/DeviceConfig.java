package org.telestation.station.config;

import java.util.Map;
import java.util.Objects;

/**
 * One device attached to the station, as configured (docs/station.md §Configuration).
 *
 * @param name        local name, also the config key ("oximeter" in {@code telestation.device.oximeter.protocol})
 * @param protocol    which codec reads it: "synthetic-oximeter" now; "nonin", "cms50", "ble-bps"… once the lead
 *                    wires the device branches
 * @param serialPort  serial port path (e.g. /dev/ttyUSB0) for serial devices, else null
 * @param bleAddress  BLE MAC address for Bluetooth LE devices, else null
 * @param bleService  BLE service UUID (e.g. 0x1822) for Bluetooth LE devices, else null
 * @param options     the other {@code telestation.device.<name>.*} keys, for the codec
 */
public record DeviceConfig(String name, String protocol, String serialPort, String bleAddress, String bleService,
                           Map<String, String> options) {
    public DeviceConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(protocol, "protocol");
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
