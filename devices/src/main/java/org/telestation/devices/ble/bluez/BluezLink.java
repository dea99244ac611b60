package org.telestation.devices.ble.bluez;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.bluez.Device1;
import org.bluez.GattCharacteristic1;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.handlers.AbstractPropertiesChangedHandler;
import org.freedesktop.dbus.interfaces.Properties.PropertiesChanged;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telestation.devices.ble.gatt.HealthCharacteristic;
import org.telestation.devices.ble.transport.BleException;
import org.telestation.devices.ble.transport.BleLink;

import com.github.hypfvieh.bluetooth.DeviceManager;
import com.github.hypfvieh.bluetooth.wrapper.BluetoothDevice;
import com.github.hypfvieh.bluetooth.wrapper.BluetoothGattCharacteristic;
import com.github.hypfvieh.bluetooth.wrapper.BluetoothGattService;

/**
 * One BlueZ device. Values and connection changes arrive as {@code PropertiesChanged} signals ({@code Value} on a
 * GattCharacteristic1, {@code Connected} on the Device1); they are handed to a single thread so the listener sees
 * them in order and D-Bus calls made in reaction never run on the D-Bus dispatch thread.
 */
final class BluezLink implements BleLink {
    private static final Logger log = LoggerFactory.getLogger(BluezLink.class);
    private static final String DEVICE_INTERFACE = Device1.class.getName();
    private static final String CHARACTERISTIC_INTERFACE = GattCharacteristic1.class.getName();

    private final DeviceManager manager;
    private final BluetoothDevice device;
    private final String devicePath;
    private final String address;
    private final Listener listener;
    private final Duration reconnectInterval;
    private final ScheduledExecutorService worker;
    private final Set<HealthCharacteristic> subscriptions = ConcurrentHashMap.newKeySet();
    private final Map<HealthCharacteristic, BluetoothGattCharacteristic> resolved =
            new EnumMap<>(HealthCharacteristic.class);
    private final Map<String, HealthCharacteristic> byPath = new ConcurrentHashMap<>();
    private final AbstractPropertiesChangedHandler signals = new AbstractPropertiesChangedHandler() {
        @Override
        public void handle(PropertiesChanged signal) {
            onPropertiesChanged(signal);
        }
    };
    private volatile boolean connected;
    private volatile boolean closed;
    private ScheduledFuture<?> reconnecting;

    BluezLink(DeviceManager manager, BluetoothDevice device, Listener listener, Duration reconnectInterval) {
        this.manager = manager;
        this.device = device;
        this.devicePath = device.getDbusPath();
        this.listener = listener;
        this.reconnectInterval = reconnectInterval;
        this.address = device.getAddress();
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ble-link-" + address);
            t.setDaemon(true);
            return t;
        });
    }

    void start() throws BleException {
        try {
            manager.registerPropertyHandler(signals);
        } catch (DBusException e) {
            throw new BleException("cannot listen to BlueZ signals: " + e.getMessage(), e);
        }
        if (!Boolean.TRUE.equals(device.isConnected())) {
            try {
                device.getRawDevice().Connect();
            } catch (DBusException | RuntimeException e) {
                close();
                throw new BleException("connect to " + address() + " failed: " + e.getMessage(), e);
            }
        }
        connected = true;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public boolean isBonded() {
        return Boolean.TRUE.equals(device.isPaired());
    }

    @Override
    public void bond() throws BleException {
        if (isBonded()) return;
        try {
            device.getRawDevice().Pair();
        } catch (DBusException | RuntimeException e) {
            throw new BleException("pairing with " + address() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void subscribe(HealthCharacteristic characteristic) throws BleException {
        if (!characteristic.delivery().subscribable()) {
            throw new BleException(characteristic + " is " + characteristic.delivery() + ": nothing to subscribe to");
        }
        startNotify(characteristic);
        subscriptions.add(characteristic);
    }

    private void startNotify(HealthCharacteristic characteristic) throws BleException {
        BluetoothGattCharacteristic c = resolve(characteristic);
        try {
            // BlueZ writes the CCCD: 0x0002 for an indicate-only characteristic, 0x0001 for notify.
            c.startNotify();
        } catch (DBusException | RuntimeException e) {
            throw new BleException("StartNotify on " + characteristic + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] read(HealthCharacteristic characteristic) throws BleException {
        try {
            return resolve(characteristic).readValue(Map.of());
        } catch (DBusException | RuntimeException e) {
            throw new BleException("reading " + characteristic + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(HealthCharacteristic characteristic, byte[] value) throws BleException {
        try {
            resolve(characteristic).writeValue(value, Map.of("type", "request"));
        } catch (DBusException | RuntimeException e) {
            throw new BleException("writing " + characteristic + " failed: " + e.getMessage(), e);
        }
    }

    private synchronized BluetoothGattCharacteristic resolve(HealthCharacteristic wanted) throws BleException {
        BluetoothGattCharacteristic known = resolved.get(wanted);
        if (known != null) return known;
        if (!connected) throw new BleException(address() + " is not connected");
        List<BluetoothGattService> services = device.getGattServices();
        for (BluetoothGattService service : services) {
            if (!wanted.service().uuid().toString().equalsIgnoreCase(service.getUuid())) continue;
            for (BluetoothGattCharacteristic c : service.getGattCharacteristics()) {
                if (wanted.uuid().toString().equalsIgnoreCase(c.getUuid())) {
                    resolved.put(wanted, c);
                    byPath.put(c.getDbusPath(), wanted);
                    return c;
                }
            }
        }
        throw new BleException(address() + " has no " + wanted + " (" + wanted.uuid() + ")");
    }

    /** Runs on the D-Bus dispatch thread: copy what matters, hand it over, return. */
    private void onPropertiesChanged(PropertiesChanged signal) {
        String path = signal.getPath();
        Map<String, Variant<?>> changed = signal.getPropertiesChanged();
        if (closed || path == null || changed == null) return;
        if (path.equals(devicePath) && DEVICE_INTERFACE.equals(signal.getInterfaceName())) {
            Variant<?> c = changed.get("Connected");
            if (c != null && c.getValue() instanceof Boolean up) worker.execute(() -> onConnected(up));
        } else if (path.startsWith(devicePath + "/") && CHARACTERISTIC_INTERFACE.equals(signal.getInterfaceName())) {
            Variant<?> v = changed.get("Value");
            HealthCharacteristic characteristic = byPath.get(path);
            byte[] value = v == null ? null : bytes(v.getValue());
            if (characteristic != null && value != null) {
                worker.execute(() -> listener.onValue(characteristic, value));
            }
        }
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] b) return b.clone();
        if (value instanceof List<?> list) {
            byte[] b = new byte[list.size()];
            for (int i = 0; i < b.length; i++) {
                if (!(list.get(i) instanceof Number n)) return null;
                b[i] = n.byteValue();
            }
            return b;
        }
        return null;
    }

    /** On the worker thread. */
    private void onConnected(boolean up) {
        if (closed) return;
        if (!up) {
            if (connected) {
                connected = false;
                synchronized (this) {
                    resolved.clear(); // object paths may change when BlueZ rediscovers the services
                }
                log.info("BLE link to {} lost; reconnecting every {} ms", address(), reconnectInterval.toMillis());
                listener.onConnectionChanged(false);
            }
            scheduleReconnect();
            return;
        }
        if (connected) return;
        connected = true;
        if (reconnecting != null) reconnecting.cancel(false);
        device.refreshGattServices();
        for (HealthCharacteristic c : subscriptions) {
            try {
                startNotify(c);
            } catch (BleException e) {
                log.warn("re-subscribing {} on {} failed: {}", c, address(), e.getMessage());
            }
        }
        log.info("BLE link to {} restored, {} subscription(s) restored", address(), subscriptions.size());
        listener.onConnectionChanged(true);
    }

    private void scheduleReconnect() {
        if (reconnecting != null && !reconnecting.isDone()) return;
        long ms = reconnectInterval.toMillis();
        reconnecting = worker.scheduleWithFixedDelay(this::tryReconnect, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void tryReconnect() {
        if (closed || connected) return;
        try {
            device.getRawDevice().Connect();
            if (Boolean.TRUE.equals(device.isConnected())) onConnected(true);
        } catch (DBusException | RuntimeException e) {
            log.debug("reconnect to {} not yet possible: {}", address(), e.getMessage());
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        worker.shutdownNow();
        try {
            manager.unRegisterPropertyHandler(signals);
        } catch (DBusException | RuntimeException e) {
            log.debug("unregistering signal handler: {}", e.getMessage());
        }
        try {
            if (connected) device.getRawDevice().Disconnect();
        } catch (DBusException | RuntimeException e) {
            log.debug("disconnect from {}: {}", address(), e.getMessage());
        }
        connected = false;
    }
}
