package org.telestation.devices.ble.transport;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.telestation.devices.ble.gatt.HealthService;

/** A Bluetooth LE central: scans for health devices and opens links to them. */
public interface BleTransport extends AutoCloseable {

    /** Scans for {@code timeout} and returns the devices advertising at least one of {@code services}. */
    List<DiscoveredDevice> scan(Set<HealthService> services, Duration timeout) throws BleException;

    /**
     * Connects to a device found by {@link #scan} and keeps the link up: when the device goes away (powered off,
     * out of range) the link reconnects on its own and re-subscribes what was subscribed.
     */
    BleLink open(String address, BleLink.Listener listener) throws BleException;

    @Override
    void close();
}
