package org.telestation.devices.ble.sim.bluez;

import java.util.UUID;

import org.bluez.GattService1;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;

/** A primary GATT service of a simulated sensor. */
final class FakeService extends FakeObject implements GattService1 {
    FakeService(DBusConnection connection, String path, String devicePath, UUID uuid) {
        super(connection, path, GattService1.class.getName());
        init("UUID", uuid.toString());
        init("Primary", true);
        init("Device", new DBusPath(devicePath));
        init("Includes", new DBusPath[0]);
    }
}
