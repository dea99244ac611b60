package org.telestation.devices.ble.sim.bluez;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.bluez.GattCharacteristic1;
import org.bluez.datatypes.TwoTuple;
import org.bluez.exceptions.BluezFailedException;
import org.bluez.exceptions.BluezNotConnectedException;
import org.bluez.exceptions.BluezNotPermittedException;
import org.bluez.exceptions.BluezNotSupportedException;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.FileDescriptor;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.types.UInt16;
import org.freedesktop.dbus.types.Variant;
import org.telestation.devices.ble.gatt.Delivery;
import org.telestation.devices.ble.gatt.HealthCharacteristic;
import org.telestation.devices.ble.sim.SimEvent;

/**
 * A characteristic of a simulated sensor. StartNotify "writes" the CCCD the way BlueZ does (0x0002 when the
 * characteristic can only indicate, else 0x0001) and records it. Values reach the client as PropertiesChanged on
 * {@code Value} while it is subscribed. Indications sent while the link is up but the client has not subscribed yet
 * wait, as a real sensor's queue does, and go out once it subscribes; notifications in that state are lost.
 */
final class FakeCharacteristic extends FakeObject implements GattCharacteristic1 {
    private final FakeDevice device;
    private final HealthCharacteristic characteristic;
    private final Deque<byte[]> waitingIndications = new ArrayDeque<>();
    private volatile int cccd;

    FakeCharacteristic(DBusConnection connection, String path, String servicePath, FakeDevice device,
                       HealthCharacteristic characteristic) {
        super(connection, path, GattCharacteristic1.class.getName());
        this.device = device;
        this.characteristic = characteristic;
        init("UUID", characteristic.uuid().toString());
        init("Service", new DBusPath(servicePath));
        init("Value", new byte[0]);
        init("Notifying", false);
        Delivery d = characteristic.delivery();
        String[] flags = characteristic == HealthCharacteristic.BATTERY_LEVEL ? new String[] {"read", "notify"}
                : characteristic == HealthCharacteristic.DATE_TIME ? new String[] {"read", "write"}
                : d.bluezFlags();
        init("Flags", flags);
    }

    HealthCharacteristic characteristic() {
        return characteristic;
    }

    int cccd() {
        return cccd;
    }

    boolean notifying() {
        return Boolean.TRUE.equals(value("Notifying"));
    }

    /** The sensor sends a value: deliver, queue (indication before subscription) or drop. */
    void send(byte[] value) {
        if (!device.connected()) return;
        if (!notifying()) {
            if (characteristic.delivery() != Delivery.NOTIFY) {
                synchronized (waitingIndications) {
                    waitingIndications.add(value.clone());
                }
            }
            return;
        }
        change("Value", value.clone());
    }

    void linkDropped() {
        cccd = 0;
        synchronized (waitingIndications) {
            waitingIndications.clear();
        }
        change("Notifying", false);
    }

    @Override
    public byte[] ReadValue(Map<String, Variant<?>> options) throws BluezNotPermittedException, BluezFailedException {
        requireConnected();
        try {
            return device.sensor().read(characteristic);
        } catch (UnsupportedOperationException e) {
            throw new BluezNotPermittedException("Read not permitted");
        }
    }

    @Override
    public void WriteValue(byte[] value, Map<String, Variant<?>> options)
            throws BluezNotPermittedException, BluezFailedException {
        requireConnected();
        List<SimEvent> answer;
        try {
            answer = device.sensor().write(characteristic, value);
        } catch (UnsupportedOperationException e) {
            throw new BluezNotPermittedException("Write not permitted");
        }
        // The write response goes first; what the sensor sends in answer follows on the sensor's own thread.
        device.bluez().deliverLater(device, answer);
    }

    @Override
    public TwoTuple<FileDescriptor, UInt16> AcquireWrite(Map<String, Variant<?>> options)
            throws BluezNotSupportedException {
        throw new BluezNotSupportedException("AcquireWrite is not simulated");
    }

    @Override
    public TwoTuple<FileDescriptor, UInt16> AcquireNotify(Map<String, Variant<?>> options)
            throws BluezNotSupportedException {
        throw new BluezNotSupportedException("AcquireNotify is not simulated");
    }

    @Override
    public void StartNotify() throws BluezNotSupportedException, BluezNotConnectedException {
        if (!device.connected()) throw new BluezNotConnectedException("Not connected");
        Delivery d = characteristic.delivery();
        if (!d.subscribable() && characteristic != HealthCharacteristic.BATTERY_LEVEL) {
            throw new BluezNotSupportedException("Notify/indicate not supported");
        }
        cccd = d == Delivery.INDICATE || d == Delivery.WRITE_INDICATE ? 0x0002 : 0x0001;
        change("Notifying", true);
        byte[] next;
        while ((next = pollWaiting()) != null) change("Value", next);
    }

    private byte[] pollWaiting() {
        synchronized (waitingIndications) {
            return waitingIndications.poll();
        }
    }

    @Override
    public void StopNotify() {
        cccd = 0;
        change("Notifying", false);
    }

    @Override
    public void Confirm() {
        // BlueZ confirms indications itself; an external GATT server would call this.
    }

    private void requireConnected() throws BluezFailedException {
        if (!device.connected()) throw new BluezFailedException("Not connected");
    }
}
