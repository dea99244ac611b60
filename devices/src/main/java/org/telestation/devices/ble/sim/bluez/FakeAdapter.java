package org.telestation.devices.ble.sim.bluez;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bluez.Adapter1;
import org.bluez.exceptions.BluezNotSupportedException;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.types.Variant;

/** {@code /org/bluez/hci0}: discovery makes the simulated sensors' Device1 objects appear. */
final class FakeAdapter extends FakeObject implements Adapter1 {
    private final FakeBluez bluez;
    private volatile List<String> uuidFilter = List.of();

    FakeAdapter(DBusConnection connection, String path, FakeBluez bluez) {
        super(connection, path, Adapter1.class.getName());
        this.bluez = bluez;
        init("Address", "00:1A:7D:DA:71:13");
        init("Name", "telestation-cart");
        init("Alias", "telestation-cart");
        init("Powered", true);
        init("Discovering", false);
        init("UUIDs", new String[0]);
    }

    @Override
    public void StartDiscovery() {
        change("Discovering", true);
        bluez.discover(uuidFilter);
    }

    @Override
    public void StopDiscovery() {
        change("Discovering", false);
    }

    @Override
    public void RemoveDevice(DBusPath device) {
        bluez.remove(device.getPath());
    }

    @Override
    public void SetDiscoveryFilter(Map<String, Variant<?>> filter) {
        List<String> uuids = new ArrayList<>();
        Variant<?> v = filter.get("UUIDs");
        if (v != null && v.getValue() instanceof String[] array) uuids.addAll(List.of(array));
        if (v != null && v.getValue() instanceof List<?> list) list.forEach(u -> uuids.add(String.valueOf(u)));
        uuidFilter = List.copyOf(uuids);
    }

    @Override
    public String[] GetDiscoveryFilters() {
        return new String[] {"UUIDs", "Transport"};
    }

    @Override
    public DBusPath ConnectDevice(Map<String, Variant<?>> properties) throws BluezNotSupportedException {
        throw new BluezNotSupportedException("ConnectDevice is not simulated");
    }
}
