package org.telestation.devices.ble.sim.bluez;

import java.util.ArrayList;
import java.util.List;

import org.bluez.Device1;
import org.bluez.exceptions.BluezFailedException;
import org.bluez.exceptions.BluezNotConnectedException;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.telestation.devices.ble.sim.BleSensorSimulator;

/**
 * A simulated sensor as bluetoothd shows it. Connect fails while the sensor is powered off; when it powers on
 * again a bonded sensor is reconnected by "BlueZ" on its own (as bluetoothd does for bonded LE devices that
 * advertise), unless auto-connect is off, in which case only the client's Connect brings it back.
 */
final class FakeDevice extends FakeObject implements Device1 {
    private final FakeBluez bluez;
    private final BleSensorSimulator sensor;
    private final List<FakeCharacteristic> characteristics = new ArrayList<>();
    private volatile boolean powered = true;
    private volatile boolean autoConnect = true;

    FakeDevice(DBusConnection connection, String path, String adapterPath, FakeBluez bluez,
               BleSensorSimulator sensor) {
        super(connection, path, Device1.class.getName());
        this.bluez = bluez;
        this.sensor = sensor;
        init("Address", sensor.address());
        init("AddressType", "public");
        init("Name", sensor.localName());
        init("Alias", sensor.localName());
        init("Adapter", new DBusPath(adapterPath));
        init("Paired", false);
        init("Bonded", false);
        init("Trusted", false);
        init("Blocked", false);
        init("Connected", false);
        init("ServicesResolved", false);
        init("LegacyPairing", false);
        init("RSSI", (short) -58);
        init("UUIDs", new String[] {sensor.service().uuid().toString(),
                org.telestation.devices.ble.gatt.HealthService.BATTERY.uuid().toString()});
    }

    FakeBluez bluez() {
        return bluez;
    }

    BleSensorSimulator sensor() {
        return sensor;
    }

    void add(FakeCharacteristic c) {
        characteristics.add(c);
    }

    List<FakeCharacteristic> characteristics() {
        return characteristics;
    }

    boolean connected() {
        return Boolean.TRUE.equals(value("Connected"));
    }

    void setAutoConnect(boolean autoConnect) {
        this.autoConnect = autoConnect;
    }

    @Override
    boolean writable(String name) {
        return name.equals("Trusted") || name.equals("Blocked") || name.equals("Alias");
    }

    @Override
    public void Connect() throws BluezFailedException {
        if (!powered) throw new BluezFailedException("le-connection-abort-by-local (device not advertising)");
        if (connected()) return;
        change("Connected", true);
        change("ServicesResolved", true);
    }

    @Override
    public void Disconnect() throws BluezNotConnectedException {
        if (!connected()) throw new BluezNotConnectedException("Not Connected");
        dropLink();
    }

    void powerOff() {
        powered = false;
        if (connected()) dropLink();
    }

    void powerOn() {
        powered = true;
        if (autoConnect && Boolean.TRUE.equals(value("Paired")) && !connected()) {
            change("Connected", true);
            change("ServicesResolved", true);
        }
    }

    private void dropLink() {
        for (FakeCharacteristic c : characteristics) c.linkDropped();
        change("ServicesResolved", false);
        change("Connected", false);
    }

    @Override
    public void ConnectProfile(String uuid) throws BluezFailedException {
        Connect();
    }

    @Override
    public void DisconnectProfile(String uuid) {
        // Profiles are not tracked (BlueZ: always succeeds).
    }

    @Override
    public void Pair() throws BluezFailedException {
        if (!powered) throw new BluezFailedException("device not advertising");
        Connect();
        change("Paired", true);
        change("Bonded", true);
        change("Trusted", true);
    }

    @Override
    public void CancelPairing() {
        // Pairing completes at once: nothing to cancel.
    }
}
