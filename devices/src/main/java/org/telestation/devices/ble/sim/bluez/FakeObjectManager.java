package org.telestation.devices.ble.sim.bluez;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.interfaces.ObjectManager;
import org.freedesktop.dbus.types.Variant;

/** {@code /}: org.freedesktop.DBus.ObjectManager over every fake BlueZ object, as bluetoothd exports it. */
final class FakeObjectManager implements ObjectManager {
    private final FakeBluez bluez;

    FakeObjectManager(FakeBluez bluez) {
        this.bluez = bluez;
    }

    @Override
    public String getObjectPath() {
        return "/";
    }

    @Override
    public Map<DBusPath, Map<String, Map<String, Variant<?>>>> GetManagedObjects() {
        Map<DBusPath, Map<String, Map<String, Variant<?>>>> all = new LinkedHashMap<>();
        for (FakeObject o : bluez.exportedObjects()) {
            all.put(new DBusPath(o.getObjectPath()), Map.of(o.interfaceName(), o.GetAll(o.interfaceName())));
        }
        return all;
    }

    static Map<String, Map<String, Variant<?>>> interfacesOf(List<FakeObject> objects) {
        Map<String, Map<String, Variant<?>>> map = new LinkedHashMap<>();
        for (FakeObject o : objects) map.put(o.interfaceName(), o.GetAll(o.interfaceName()));
        return map;
    }
}
