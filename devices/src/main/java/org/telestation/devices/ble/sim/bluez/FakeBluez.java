package org.telestation.devices.ble.sim.bluez;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.ObjectManager;
import org.telestation.devices.ble.gatt.HealthCharacteristic;
import org.telestation.devices.ble.gatt.HealthService;
import org.telestation.devices.ble.gatt.PressureUnit;
import org.telestation.devices.ble.sim.BleFault;
import org.telestation.devices.ble.sim.BleSensorSimulator;
import org.telestation.devices.ble.sim.BloodPressureCuffSimulator;
import org.telestation.devices.ble.sim.HeartRateSensorSimulator;
import org.telestation.devices.ble.sim.PulseOximeterSimulator;
import org.telestation.devices.ble.sim.SimEvent;
import org.telestation.devices.ble.sim.ThermometerSimulator;

/**
 * A fake {@code org.bluez}: the objects bluetoothd exports (ObjectManager at {@code /}, Adapter1 at
 * {@code /org/bluez/hci0}, Device1, GattService1, GattCharacteristic1, PropertiesChanged signals, introspection by
 * dbus-java) on any D-Bus, driven by the BLE simulators so the bytes are the real ones. The real BlueZ client
 * code ({@link org.telestation.devices.ble.bluez.BluezTransport}) runs against it unchanged.
 *
 * <p>What it does not simulate: the ATT/L2CAP layers beneath BlueZ (CCCD writes and indication confirmations are
 * BlueZ's job and are only recorded), pairing agents and passkeys, AcquireNotify/AcquireWrite file descriptors.
 */
public final class FakeBluez implements AutoCloseable {
    public static final String ADAPTER_PATH = "/org/bluez/hci0";

    private final DBusConnection connection;
    private final FakeAdapter adapter;
    private final Map<String, BleSensorSimulator> sensors = new LinkedHashMap<>();
    private final Map<String, FakeDevice> devices = new LinkedHashMap<>();
    private final Map<String, List<FakeObject>> deviceObjects = new LinkedHashMap<>();
    /** The sensors' own radio: one thread, so everything a sensor sends goes out in order. */
    private final ExecutorService radio = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fake-bluez-radio");
        t.setDaemon(true);
        return t;
    });

    private FakeBluez(DBusConnection connection) throws DBusException {
        this.connection = connection;
        this.adapter = new FakeAdapter(connection, ADAPTER_PATH, this);
        connection.exportObject("/", new FakeObjectManager(this));
        connection.exportObject(ADAPTER_PATH, adapter);
        connection.requestBusName("org.bluez");
    }

    /** Exports the fake on the bus at {@code busAddress} under the name {@code org.bluez}. */
    public static FakeBluez start(String busAddress) throws DBusException {
        // Not shared: the client under test opens its own connection to the same address in the same JVM.
        return new FakeBluez(DBusConnectionBuilder.forAddress(busAddress).withShared(false).build());
    }

    /** A sensor that advertises from now on; its Device1 object appears when discovery runs. */
    public synchronized void addSensor(BleSensorSimulator sensor) {
        sensors.put(sensor.address().toUpperCase(Locale.ROOT), sensor);
    }

    /** Discovery: every advertising sensor matching the filter (any UUID, or none given) becomes a Device1. */
    synchronized void discover(List<String> uuidFilter) {
        for (BleSensorSimulator sensor : sensors.values()) {
            String key = sensor.address().toUpperCase(Locale.ROOT);
            if (devices.containsKey(key)) continue;
            boolean matches = uuidFilter.isEmpty() || uuidFilter.stream()
                    .anyMatch(u -> u.equalsIgnoreCase(sensor.service().uuid().toString()));
            if (matches) export(sensor);
        }
    }

    private void export(BleSensorSimulator sensor) {
        String devicePath = ADAPTER_PATH + "/dev_" + sensor.address().toUpperCase(Locale.ROOT).replace(':', '_');
        FakeDevice device = new FakeDevice(connection, devicePath, ADAPTER_PATH, this, sensor);
        List<FakeObject> objects = new ArrayList<>();
        objects.add(device);
        addService(device, devicePath, 0x0010, sensor.service(), sensor.characteristics(), objects);
        addService(device, devicePath, 0x0030, HealthService.BATTERY, List.of(HealthCharacteristic.BATTERY_LEVEL),
                objects);
        try {
            for (FakeObject o : objects) connection.exportObject(o.getObjectPath(), o);
            connection.sendMessage(new ObjectManager.InterfacesAdded("/", new DBusPath(devicePath),
                    FakeObjectManager.interfacesOf(List.of(device))));
        } catch (DBusException e) {
            throw new IllegalStateException("cannot export " + devicePath, e);
        }
        devices.put(sensor.address().toUpperCase(Locale.ROOT), device);
        deviceObjects.put(devicePath, objects);
    }

    private void addService(FakeDevice device, String devicePath, int handle, HealthService service,
                            List<HealthCharacteristic> characteristics, List<FakeObject> objects) {
        String servicePath = devicePath + String.format("/service%04x", handle);
        objects.add(new FakeService(connection, servicePath, devicePath, service.uuid()));
        int charHandle = handle + 1;
        for (HealthCharacteristic c : characteristics) {
            FakeCharacteristic fc = new FakeCharacteristic(connection,
                    servicePath + String.format("/char%04x", charHandle), servicePath, device, c);
            device.add(fc);
            objects.add(fc);
            charHandle += 3; // declaration, value, CCCD
        }
    }

    synchronized void remove(String devicePath) {
        List<FakeObject> objects = deviceObjects.remove(devicePath);
        if (objects == null) return;
        for (FakeObject o : objects) connection.unExportObject(o.getObjectPath());
        devices.values().removeIf(d -> d.getObjectPath().equals(devicePath));
    }

    synchronized List<FakeObject> exportedObjects() {
        List<FakeObject> all = new ArrayList<>();
        all.add(adapter);
        deviceObjects.values().forEach(all::addAll);
        return all;
    }

    /** Runs one measurement cycle of the sensor and waits until it has been sent. */
    public void runCycle(String address) {
        FakeDevice device = device(address);
        await(radio.submit(() -> deliver(device, device.sensor().nextCycle())));
    }

    public void powerOff(String address) {
        FakeDevice device = device(address);
        await(radio.submit(device::powerOff));
    }

    public void powerOn(String address) {
        FakeDevice device = device(address);
        await(radio.submit(device::powerOn));
    }

    /** Off: after a power cycle only the client's own Connect brings the sensor back. */
    public void setAutoConnect(String address, boolean autoConnect) {
        device(address).setAutoConnect(autoConnect);
    }

    /** The CCCD value BlueZ wrote when the client subscribed (0 when not subscribed). */
    public int cccd(String address, HealthCharacteristic characteristic) {
        return characteristic(address, characteristic).cccd();
    }

    public boolean isNotifying(String address, HealthCharacteristic characteristic) {
        return characteristic(address, characteristic).notifying();
    }

    /** Whether a scan has made the sensor's Device1 object appear. */
    public synchronized boolean isDiscovered(String address) {
        return devices.containsKey(address.toUpperCase(Locale.ROOT));
    }

    public boolean isConnected(String address) {
        return device(address).connected();
    }

    public BleSensorSimulator sensor(String address) {
        return device(address).sensor();
    }

    void deliverLater(FakeDevice device, List<SimEvent> events) {
        radio.submit(() -> deliver(device, events));
    }

    private void deliver(FakeDevice device, List<SimEvent> events) {
        for (SimEvent e : events) {
            if (e instanceof SimEvent.PowerOff) device.powerOff();
            else if (e instanceof SimEvent.PowerOn) device.powerOn();
            else if (e instanceof SimEvent.Value v) characteristicOf(device, v.characteristic()).send(v.bytes());
        }
    }

    private synchronized FakeDevice device(String address) {
        FakeDevice d = devices.get(address.toUpperCase(Locale.ROOT));
        if (d == null) throw new IllegalArgumentException("no discovered device " + address);
        return d;
    }

    private FakeCharacteristic characteristic(String address, HealthCharacteristic characteristic) {
        return characteristicOf(device(address), characteristic);
    }

    private static FakeCharacteristic characteristicOf(FakeDevice device, HealthCharacteristic characteristic) {
        for (FakeCharacteristic c : device.characteristics()) {
            if (c.characteristic() == characteristic) return c;
        }
        throw new IllegalArgumentException(device.sensor().localName() + " has no " + characteristic);
    }

    private static void await(Future<?> f) {
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("fake BlueZ failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        radio.shutdownNow();
        try {
            connection.releaseBusName("org.bluez");
        } catch (DBusException | RuntimeException ignored) {
            // the bus may already be gone
        }
        connection.disconnect();
    }

    /**
     * Starts a private dbus-daemon with a fake BlueZ holding the four simulated sensors, prints the bus address and
     * runs a cycle of each sensor every few seconds until interrupted.
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("usage: java -cp <devices classpath> " + FakeBluez.class.getName()
                    + " [--interval-seconds N] [--fault FAULT]\n"
                    + "Starts a private dbus-daemon with a fake org.bluez (cuff, oximeter, thermometer, heart-rate"
                    + " sensor) and prints its address; point BluezTransport.connect(address, …) at it.");
            return;
        }
        int interval = 5;
        BleFault fault = BleFault.NONE;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--interval-seconds")) interval = Integer.parseInt(args[i + 1]);
            else if (args[i].equals("--fault")) fault = BleFault.valueOf(args[i + 1].toUpperCase(Locale.ROOT));
            else throw new IllegalArgumentException("unknown option " + args[i]);
        }
        Clock clock = Clock.systemDefaultZone();
        List<BleSensorSimulator> sensors = List.of(
                new BloodPressureCuffSimulator("AA:BB:CC:00:00:01", 1, clock, PressureUnit.MMHG, 3),
                new PulseOximeterSimulator("AA:BB:CC:00:00:02", 2, clock),
                new ThermometerSimulator("AA:BB:CC:00:00:03", 3, clock, false),
                new HeartRateSensorSimulator("AA:BB:CC:00:00:04", 4, clock));
        PrivateDbusDaemon daemon = PrivateDbusDaemon.start();
        FakeBluez bluez = start(daemon.address());
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Ctrl-C: stop the cycles, then take the fake and its private bus down cleanly
            main.interrupt();
            bluez.close();
            daemon.close();
        }));
        for (BleSensorSimulator s : sensors) {
            s.setFault(fault);
            bluez.addSensor(s);
        }
        System.out.println(daemon.address());
        System.out.flush();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(interval * 1000L);
                for (BleSensorSimulator s : sensors) {
                    if (bluez.isDiscovered(s.address())) bluez.runCycle(s.address());
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }
}
