package org.telestation.devices.ble;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telestation.devices.ble.gatt.BatteryLevel;
import org.telestation.devices.ble.gatt.BloodPressureMeasurement;
import org.telestation.devices.ble.gatt.Delivery;
import org.telestation.devices.ble.gatt.GattDateTime;
import org.telestation.devices.ble.gatt.HealthCharacteristic;
import org.telestation.devices.ble.gatt.HealthService;
import org.telestation.devices.ble.gatt.HeartRateMeasurement;
import org.telestation.devices.ble.gatt.IntermediateCuffPressure;
import org.telestation.devices.ble.gatt.MalformedValueException;
import org.telestation.devices.ble.gatt.PlxContinuousMeasurement;
import org.telestation.devices.ble.gatt.PlxSpotCheckMeasurement;
import org.telestation.devices.ble.gatt.RacpRequest;
import org.telestation.devices.ble.gatt.RacpResponse;
import org.telestation.devices.ble.gatt.TemperatureMeasurement;
import org.telestation.devices.ble.transport.BleException;
import org.telestation.devices.ble.transport.BleLink;
import org.telestation.devices.ble.transport.BleTransport;
import org.telestation.devices.ble.transport.DiscoveredDevice;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;
import org.telestation.devices.model.Measurement;
import org.telestation.devices.model.StatusFlag;

/**
 * A BLE health sensor as the station sees it: subscribes to its service's measurement characteristics (and its
 * battery), decodes every value, maps it to the model and hands it on. Malformed values are reported and dropped;
 * the next value is decoded on its own. Stored records are fetched through the Record Access Control Point.
 */
public final class BleHealthDevice implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BleHealthDevice.class);

    /** What the device reports; called on the link's thread, one call at a time. */
    public interface Listener {
        /** Decoded values, in canonical units. {@code source} tells a live value from a stored one. */
        void onMeasurements(HealthCharacteristic source, List<Measurement> measurements);

        /** The live cuff gauge (Intermediate Cuff Pressure) in mm[Hg]; never a stored measurement. */
        default void onCuffPressure(BigDecimal mmHg) {
        }

        default void onBatteryLevel(int percent) {
        }

        default void onConnectionChanged(boolean connected) {
        }

        /** A value that did not decode; it was dropped. */
        default void onMalformedValue(HealthCharacteristic characteristic, MalformedValueException error) {
        }
    }

    /** The end of a "report stored records" procedure: the records received and the response code. */
    public record StoredRecords(List<Measurement> records, RacpResponse.ResponseCode response) {
    }

    private final DeviceIdentity identity;
    private final HealthService service;
    private final GattMeasurementMapper mapper;
    private final Clock clock;
    private final Listener listener;
    private volatile BleLink link;
    private volatile int batteryPercent = -1;
    private final Object racpLock = new Object();
    private CompletableFuture<StoredRecords> pendingRecords;
    private List<Measurement> collected;
    private CompletableFuture<Long> pendingCount;

    private BleHealthDevice(DeviceIdentity identity, HealthService service, ZoneId deviceZone, Clock clock,
                            Listener listener) {
        this.identity = identity;
        this.service = service;
        this.mapper = new GattMeasurementMapper(identity, deviceZone);
        this.clock = clock;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Connects, bonds if needed, subscribes to every notifying or indicating characteristic of the device's health
     * service and to its battery level, and (for a cuff) sets its clock.
     *
     * @param deviceZone the zone of the device clock (the station sets it to its own)
     */
    public static BleHealthDevice open(BleTransport transport, DiscoveredDevice found, ZoneId deviceZone, Clock clock,
                                       Listener listener) throws BleException {
        HealthService service = found.services().stream().filter(s -> s != HealthService.BATTERY).findFirst()
                .orElseThrow(() -> new BleException(found.address() + " advertises no health service"));
        DeviceIdentity identity = new DeviceIdentity(kindOf(service), null, found.name(), null, found.address());
        BleHealthDevice device = new BleHealthDevice(identity, service, deviceZone, clock, listener);
        device.link = transport.open(found.address(), device.new LinkListener());
        try {
            device.setUp();
        } catch (BleException e) {
            device.close();
            throw e;
        }
        return device;
    }

    private void setUp() throws BleException {
        if (!link.isBonded()) {
            try {
                link.bond();
            } catch (BleException e) {
                // Some sensors take subscriptions without a bond; those that need one refuse StartNotify below.
                log.warn("{}: pairing failed, continuing unbonded: {}", identity.id(), e.getMessage());
            }
        }
        // Optional characteristics (cuff gauge, RACP, one of the two PLX measurements) may be missing: only a
        // device none of whose measurements can be subscribed to is refused.
        int measurements = 0;
        BleException lastFailure = null;
        for (HealthCharacteristic c : HealthCharacteristic.values()) {
            if (c.service() != service || !c.delivery().subscribable()) continue;
            try {
                link.subscribe(c);
                if (c.delivery() != Delivery.WRITE_INDICATE && c != HealthCharacteristic.INTERMEDIATE_CUFF_PRESSURE) {
                    measurements++;
                }
            } catch (BleException e) {
                log.debug("{}: {} not available: {}", identity.id(), c, e.getMessage());
                lastFailure = e;
            }
        }
        if (measurements == 0) {
            throw new BleException(identity.id() + ": no measurement characteristic to subscribe to", lastFailure);
        }
        try {
            link.subscribe(HealthCharacteristic.BATTERY_LEVEL);
            onBattery(link.read(HealthCharacteristic.BATTERY_LEVEL));
        } catch (BleException | MalformedValueException e) {
            log.debug("{}: no usable battery level: {}", identity.id(), e.getMessage());
        }
        if (service == HealthService.BLOOD_PRESSURE) {
            try {
                link.write(HealthCharacteristic.DATE_TIME, GattDateTime.of(LocalDateTime.now(clock)).encode());
            } catch (BleException e) {
                log.debug("{} does not take Date Time: {}", identity.id(), e.getMessage());
            }
        }
    }

    static DeviceKind kindOf(HealthService service) {
        return switch (service) {
            case BLOOD_PRESSURE -> DeviceKind.BLOOD_PRESSURE_MONITOR;
            case PULSE_OXIMETER -> DeviceKind.PULSE_OXIMETER;
            case HEALTH_THERMOMETER -> DeviceKind.THERMOMETER;
            case HEART_RATE -> DeviceKind.HEART_RATE_MONITOR;
            case BATTERY -> throw new IllegalArgumentException("battery is not a health service");
        };
    }

    public DeviceIdentity identity() {
        return identity;
    }

    public boolean isConnected() {
        return link.isConnected();
    }

    /** The last battery level reported, or -1 when unknown. */
    public int batteryPercent() {
        return batteryPercent;
    }

    /** Reads a characteristic and returns it undecoded (features, temperature type). */
    public byte[] read(HealthCharacteristic characteristic) throws BleException {
        return link.read(characteristic);
    }

    /** Asks for every stored record; completes when the device sends the RACP response code. */
    public CompletableFuture<StoredRecords> requestAllStoredRecords() throws BleException {
        CompletableFuture<StoredRecords> f = new CompletableFuture<>();
        synchronized (racpLock) {
            if (pendingRecords != null && !pendingRecords.isDone()) {
                throw new BleException("a Record Access Control Point procedure is already running");
            }
            pendingRecords = f;
            collected = new ArrayList<>();
        }
        link.write(racp(), RacpRequest.reportAllStoredRecords().encode());
        return f;
    }

    /** Asks how many records the device holds. */
    public CompletableFuture<Long> requestNumberOfStoredRecords() throws BleException {
        CompletableFuture<Long> f = new CompletableFuture<>();
        synchronized (racpLock) {
            pendingCount = f;
        }
        link.write(racp(), RacpRequest.reportNumberOfAllStoredRecords().encode());
        return f;
    }

    private HealthCharacteristic racp() throws BleException {
        return switch (service) {
            case BLOOD_PRESSURE -> HealthCharacteristic.BP_RECORD_ACCESS_CONTROL_POINT;
            case PULSE_OXIMETER -> HealthCharacteristic.PLX_RECORD_ACCESS_CONTROL_POINT;
            default -> throw new BleException(service + " has no Record Access Control Point");
        };
    }

    private final class LinkListener implements BleLink.Listener {
        @Override
        public void onValue(HealthCharacteristic characteristic, byte[] value) {
            try {
                dispatch(characteristic, value);
            } catch (MalformedValueException e) {
                // Length only: the bytes are health data.
                log.debug("{}: dropped malformed {} value of {} bytes: {}", identity.id(), characteristic,
                        value.length, e.getMessage());
                listener.onMalformedValue(characteristic, e);
            }
        }

        @Override
        public void onConnectionChanged(boolean connected) {
            listener.onConnectionChanged(connected);
        }
    }

    private void dispatch(HealthCharacteristic c, byte[] value) throws MalformedValueException {
        Instant receipt = clock.instant();
        Set<StatusFlag> extra = batteryPercent >= 0 && batteryPercent < BatteryLevel.LOW_THRESHOLD_PERCENT
                ? EnumSet.of(StatusFlag.LOW_BATTERY) : Set.of();
        switch (c) {
            case BLOOD_PRESSURE_MEASUREMENT ->
                    deliver(c, mapper.map(BloodPressureMeasurement.decode(value), receipt, extra), true);
            case INTERMEDIATE_CUFF_PRESSURE -> {
                BigDecimal mmHg = IntermediateCuffPressure.decode(value).currentCuffPressureMmHg();
                if (mmHg != null) listener.onCuffPressure(mmHg);
            }
            case PLX_SPOT_CHECK_MEASUREMENT ->
                    deliver(c, mapper.map(PlxSpotCheckMeasurement.decode(value), receipt, extra), true);
            case PLX_CONTINUOUS_MEASUREMENT ->
                    deliver(c, mapper.map(PlxContinuousMeasurement.decode(value), receipt, extra), false);
            case TEMPERATURE_MEASUREMENT ->
                    deliver(c, List.of(mapper.map(TemperatureMeasurement.decode(value), receipt, extra)), false);
            case HEART_RATE_MEASUREMENT ->
                    deliver(c, List.of(mapper.map(HeartRateMeasurement.decode(value), receipt, extra)), false);
            case BATTERY_LEVEL -> onBattery(value);
            case BP_RECORD_ACCESS_CONTROL_POINT, PLX_RECORD_ACCESS_CONTROL_POINT -> onRacp(RacpResponse.decode(value));
            default -> log.debug("{}: ignoring {}", identity.id(), c);
        }
    }

    private void deliver(HealthCharacteristic c, List<Measurement> measurements, boolean storable) {
        if (storable) {
            synchronized (racpLock) {
                if (pendingRecords != null && !pendingRecords.isDone()) collected.addAll(measurements);
            }
        }
        listener.onMeasurements(c, measurements);
    }

    private void onBattery(byte[] value) throws MalformedValueException {
        batteryPercent = BatteryLevel.decode(value).percent();
        listener.onBatteryLevel(batteryPercent);
    }

    private void onRacp(RacpResponse response) {
        synchronized (racpLock) {
            if (response instanceof RacpResponse.NumberOfRecords n && pendingCount != null) {
                pendingCount.complete(n.count());
            } else if (response instanceof RacpResponse.ResponseCode code && pendingRecords != null
                    && !pendingRecords.isDone()) {
                pendingRecords.complete(new StoredRecords(List.copyOf(collected), code));
            }
        }
    }

    @Override
    public void close() {
        if (link != null) link.close();
        synchronized (racpLock) {
            if (pendingRecords != null) pendingRecords.cancel(false);
            if (pendingCount != null) pendingCount.cancel(false);
        }
    }
}
