package org.telestation.devices.ble.sim.bluez;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;

/**
 * An object the fake BlueZ exports: one BlueZ interface plus org.freedesktop.DBus.Properties, whose changes are
 * announced with PropertiesChanged signals like bluetoothd does.
 */
abstract class FakeObject implements Properties {
    private final DBusConnection connection;
    private final String path;
    private final String interfaceName;
    private final Map<String, Variant<?>> properties = new LinkedHashMap<>();

    FakeObject(DBusConnection connection, String path, String interfaceName) {
        this.connection = connection;
        this.path = path;
        this.interfaceName = interfaceName;
    }

    @Override
    public String getObjectPath() {
        return path;
    }

    String interfaceName() {
        return interfaceName;
    }

    /** Sets a property without announcing it (initial state). */
    final synchronized void init(String name, Object value) {
        properties.put(name, new Variant<>(value));
    }

    /** Sets a property and emits PropertiesChanged when it changed. */
    final void change(String name, Object value) {
        Variant<?> v = new Variant<>(value);
        synchronized (this) {
            Variant<?> old = properties.put(name, v);
            if (old != null && old.equals(v) && !(value instanceof byte[])) return;
        }
        try {
            connection.sendMessage(new Properties.PropertiesChanged(path, interfaceName, Map.of(name, v), List.of()));
        } catch (DBusException e) {
            throw new IllegalStateException("cannot emit PropertiesChanged on " + path, e);
        }
    }

    final synchronized Object value(String name) {
        Variant<?> v = properties.get(name);
        return v == null ? null : v.getValue();
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <A> A Get(String iface, String name) {
        Variant<?> v = iface.equals(interfaceName) ? properties.get(name) : null;
        if (v == null) throw new DBusExecutionException("No such property '" + name + "' on " + iface);
        return (A) v;
    }

    @Override
    public <A> void Set(String iface, String name, A value) {
        if (!iface.equals(interfaceName) || !writable(name)) {
            throw new DBusExecutionException("Property '" + name + "' is not writable");
        }
        change(name, value instanceof Variant<?> v ? v.getValue() : value);
    }

    boolean writable(String name) {
        return false;
    }

    @Override
    public synchronized Map<String, Variant<?>> GetAll(String iface) {
        return iface.equals(interfaceName) ? new LinkedHashMap<>(properties) : Map.of();
    }
}
