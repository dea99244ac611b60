package org.telestation.devices.ble.bluez;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telestation.devices.ble.gatt.HealthService;
import org.telestation.devices.ble.transport.BleException;
import org.telestation.devices.ble.transport.BleLink;
import org.telestation.devices.ble.transport.BleTransport;
import org.telestation.devices.ble.transport.DiscoveredDevice;

import com.github.hypfvieh.bluetooth.DeviceManager;
import com.github.hypfvieh.bluetooth.wrapper.BluetoothAdapter;
import com.github.hypfvieh.bluetooth.wrapper.BluetoothDevice;

/**
 * {@link BleTransport} on BlueZ over D-Bus (bluez-dbus 0.3.1 on dbus-java 5.1.0, design.md §1). The same code talks
 * to bluetoothd on the system bus and, in tests, to a fake {@code org.bluez} on a private bus.
 */
public final class BluezTransport implements BleTransport {
    /** Where bluetoothd lives on a Debian station. */
    public static final String SYSTEM_BUS_ADDRESS = "unix:path=/run/dbus/system_bus_socket";
    private static final Logger log = LoggerFactory.getLogger(BluezTransport.class);

    private final DeviceManager manager;
    private final Duration reconnectInterval;

    private BluezTransport(DeviceManager manager, Duration reconnectInterval) {
        this.manager = manager;
        this.reconnectInterval = reconnectInterval;
    }

    /**
     * Connects to the D-Bus at {@code busAddress}. The socket is checked first: dbus-java otherwise spends about
     * ten seconds before it reports that nothing listens there (design.md §1).
     *
     * @param reconnectInterval how often a lost link retries to connect
     */
    public static BluezTransport connect(String busAddress, Duration reconnectInterval) throws BleException {
        Objects.requireNonNull(reconnectInterval, "reconnectInterval");
        requireSocket(busAddress);
        try {
            return new BluezTransport(DeviceManager.createInstance(busAddress), reconnectInterval);
        } catch (DBusException | RuntimeException e) {
            throw new BleException("cannot connect to D-Bus at " + busAddress + ": " + e.getMessage(), e);
        }
    }

    /** Fails fast when a {@code unix:path=} address names no socket. Other address kinds are not checked. */
    static void requireSocket(String busAddress) throws BleException {
        Objects.requireNonNull(busAddress, "busAddress");
        if (!busAddress.startsWith("unix:")) return;
        for (String part : busAddress.substring("unix:".length()).split(",")) {
            if (part.startsWith("path=")) {
                Path socket = Path.of(part.substring("path=".length()));
                if (!Files.exists(socket)) {
                    throw new BleException("no D-Bus socket at " + socket + " (is dbus/bluetoothd running?)");
                }
            }
        }
    }

    @Override
    public List<DiscoveredDevice> scan(Set<HealthService> services, Duration timeout) throws BleException {
        BluetoothAdapter adapter = adapter();
        Map<String, Variant<?>> filter = new LinkedHashMap<>();
        filter.put("UUIDs", new Variant<>(services.stream().map(s -> s.uuid().toString()).toArray(String[]::new)));
        filter.put("Transport", new Variant<>("le"));
        try {
            adapter.setDiscoveryFilter(filter);
        } catch (DBusException | RuntimeException e) {
            throw new BleException("discovery filter refused: " + e.getMessage(), e);
        }
        List<BluetoothDevice> seen = manager.scanForBluetoothDevices(adapter.getDeviceName(),
                (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        List<DiscoveredDevice> found = new ArrayList<>();
        for (BluetoothDevice d : seen) {
            Set<HealthService> advertised = advertisedServices(d.getUuids());
            advertised.retainAll(services);
            if (advertised.isEmpty()) continue;
            found.add(new DiscoveredDevice(d.getAddress(), d.getName(), advertised, Boolean.TRUE.equals(d.isPaired())));
        }
        log.debug("scan found {} health device(s) among {}", found.size(), seen.size());
        return found;
    }

    @Override
    public BleLink open(String address, BleLink.Listener listener) throws BleException {
        BluetoothAdapter adapter = adapter();
        manager.findBtDevicesByIntrospection(adapter);
        BluetoothDevice device = manager.getDevices(adapter.getAddress(), true).stream()
                .filter(d -> address.equalsIgnoreCase(d.getAddress())).findFirst()
                .orElseThrow(() -> new BleException("device " + address + " unknown to BlueZ: scan first"));
        BluezLink link = new BluezLink(manager, device, listener, reconnectInterval);
        link.start();
        return link;
    }

    private BluetoothAdapter adapter() throws BleException {
        List<BluetoothAdapter> adapters = manager.getAdapters();
        if (adapters.isEmpty()) throw new BleException("no Bluetooth adapter on this bus");
        return adapters.get(0);
    }

    private static Set<HealthService> advertisedServices(String[] uuids) {
        Set<HealthService> services = EnumSet.noneOf(HealthService.class);
        if (uuids == null) return services;
        for (String uuid : uuids) {
            HealthService s = HealthService.byUuid(uuid);
            if (s != null) services.add(s);
        }
        return services;
    }

    @Override
    public void close() {
        manager.closeConnection();
    }
}
