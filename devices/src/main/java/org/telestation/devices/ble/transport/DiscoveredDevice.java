package org.telestation.devices.ble.transport;

import java.util.Set;

import org.telestation.devices.ble.gatt.HealthService;

/**
 * A device seen during a scan.
 *
 * @param address  the BLE address (AA:BB:CC:DD:EE:FF)
 * @param name     advertised local name, or null
 * @param services the health services it advertises
 * @param bonded   whether the station already holds a bond (pairing keys) with it
 */
public record DiscoveredDevice(String address, String name, Set<HealthService> services, boolean bonded) {
}
