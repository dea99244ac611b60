package org.telestation.devices.ble.bluez;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telestation.devices.ble.BleHealthDevice;
import org.telestation.devices.ble.GattMeasurementMapper;
import org.telestation.devices.ble.gatt.BloodPressureMeasurement;
import org.telestation.devices.ble.gatt.HealthCharacteristic;
import org.telestation.devices.ble.gatt.HealthService;
import org.telestation.devices.ble.gatt.MalformedValueException;
import org.telestation.devices.ble.gatt.PressureUnit;
import org.telestation.devices.ble.gatt.RacpResponseCode;
import org.telestation.devices.ble.sim.BleFault;
import org.telestation.devices.ble.sim.BleSensorSimulator;
import org.telestation.devices.ble.sim.BloodPressureCuffSimulator;
import org.telestation.devices.ble.sim.PulseOximeterSimulator;
import org.telestation.devices.ble.sim.SimEvent;
import org.telestation.devices.ble.sim.ThermometerSimulator;
import org.telestation.devices.ble.sim.bluez.FakeBluez;
import org.telestation.devices.ble.sim.bluez.PrivateDbusDaemon;
import org.telestation.devices.ble.transport.BleException;
import org.telestation.devices.ble.transport.DiscoveredDevice;
import org.telestation.devices.model.Measurement;
import org.telestation.devices.model.StatusFlag;
import org.telestation.devices.model.VitalSign;

/**
 * The real BlueZ client code (bluez-dbus on dbus-java) against a fake org.bluez on a private dbus-daemon, driven by
 * the BLE simulators. Needs the Debian package {@code dbus}.
 */
class BluezTransportTest {
    private static final String CUFF = "AA:BB:CC:00:00:01";
    private static final String OXIMETER = "AA:BB:CC:00:00:02";
    private static final String THERMOMETER = "AA:BB:CC:00:00:03";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:15:00Z"), PARIS);
    private static final long CUFF_SEED = 42;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private PrivateDbusDaemon daemon;
    private FakeBluez bluez;
    private BluezTransport transport;
    private final Events events = new Events();

    /** Everything the device reports, as queues the test waits on. */
    static final class Events implements BleHealthDevice.Listener {
        final BlockingQueue<List<Measurement>> measurements = new LinkedBlockingQueue<>();
        final BlockingQueue<BigDecimal> gauge = new LinkedBlockingQueue<>();
        final BlockingQueue<Boolean> connection = new LinkedBlockingQueue<>();
        final BlockingQueue<HealthCharacteristic> malformed = new LinkedBlockingQueue<>();
        final BlockingQueue<Integer> battery = new LinkedBlockingQueue<>();

        @Override
        public void onMalformedValue(HealthCharacteristic characteristic, MalformedValueException error) {
            malformed.add(characteristic);
        }

        @Override
        public void onBatteryLevel(int percent) {
            battery.add(percent);
        }

        @Override
        public void onMeasurements(HealthCharacteristic source, List<Measurement> m) {
            measurements.add(m);
        }

        @Override
        public void onCuffPressure(BigDecimal mmHg) {
            gauge.add(mmHg);
        }

        @Override
        public void onConnectionChanged(boolean connected) {
            connection.add(connected);
        }
    }

    @BeforeEach
    void startFakeBluez() throws Exception {
        daemon = PrivateDbusDaemon.start();
        bluez = FakeBluez.start(daemon.address());
        bluez.addSensor(new BloodPressureCuffSimulator(CUFF, CUFF_SEED, CLOCK, PressureUnit.MMHG, 3));
        bluez.addSensor(new ThermometerSimulator(THERMOMETER, 7, CLOCK, false));
        bluez.addSensor(new PulseOximeterSimulator(OXIMETER, 3, CLOCK));
        transport = BluezTransport.connect(daemon.address(), Duration.ofMillis(100));
    }

    @AfterEach
    void stop() {
        if (transport != null) transport.close();
        if (bluez != null) bluez.close();
        if (daemon != null) daemon.close();
    }

    private DiscoveredDevice scanForCuff() throws BleException {
        return transport.scan(EnumSet.of(HealthService.BLOOD_PRESSURE), Duration.ofMillis(200)).stream()
                .filter(d -> d.address().equals(CUFF)).findFirst().orElseThrow();
    }

    private BleHealthDevice openCuff() throws BleException {
        return BleHealthDevice.open(transport, scanForCuff(), PARIS, CLOCK, events);
    }

    /** What the cuff will send in its next cycle, predicted by a twin simulator with the same seed and clock. */
    private static List<Measurement> expectedReadings(int cycle, BleHealthDevice device) throws Exception {
        BloodPressureCuffSimulator twin = new BloodPressureCuffSimulator(CUFF, CUFF_SEED, CLOCK, PressureUnit.MMHG, 3);
        List<SimEvent> events = List.of();
        for (int i = 0; i < cycle; i++) events = twin.nextCycle();
        SimEvent.Value last = (SimEvent.Value) events.get(events.size() - 1);
        assertThat(last.characteristic()).isEqualTo(HealthCharacteristic.BLOOD_PRESSURE_MEASUREMENT);
        return new GattMeasurementMapper(device.identity(), PARIS)
                .map(BloodPressureMeasurement.decode(last.bytes()), CLOCK.instant(), null);
    }

    /**
     * Waits for a connection event with the given value. Events from before (the connect that opened the device may be
     * reported after the test has started its power cycle) are skipped, not counted as the one awaited.
     */
    private boolean nextConnectionEvent(boolean connected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (long left = WAIT.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Boolean event = events.connection.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) return false;
            if (event == connected) return true;
        }
        return false;
    }

    @Test
    void scanFindsDevicesByServiceUuid() throws Exception {
        List<DiscoveredDevice> all = transport.scan(EnumSet.of(HealthService.BLOOD_PRESSURE,
                HealthService.PULSE_OXIMETER, HealthService.HEALTH_THERMOMETER, HealthService.HEART_RATE),
                Duration.ofMillis(200));
        assertThat(all).extracting(DiscoveredDevice::address).containsExactlyInAnyOrder(CUFF, OXIMETER, THERMOMETER);
        DiscoveredDevice cuff = all.stream().filter(d -> d.address().equals(CUFF)).findFirst().orElseThrow();
        assertThat(cuff.services()).containsExactly(HealthService.BLOOD_PRESSURE);
        assertThat(cuff.name()).isEqualTo("TS-CUFF-01");
        assertThat(cuff.bonded()).isFalse();

        assertThat(transport.scan(EnumSet.of(HealthService.HEART_RATE), Duration.ofMillis(100))).isEmpty();
    }

    @Test
    void indicatedBloodPressureArrivesDecodedAndTheGaugeStaysLive() throws Exception {
        try (BleHealthDevice cuff = openCuff()) {
            assertThat(cuff.isConnected()).isTrue();
            assertThat(bluez.isConnected(CUFF)).isTrue();
            assertThat(scanForCuff().bonded()).isTrue(); // paired on open
            // Indicate vs notify (standards.md §0.2): BlueZ wrote these CCCD values on StartNotify
            assertThat(bluez.cccd(CUFF, HealthCharacteristic.BLOOD_PRESSURE_MEASUREMENT)).isEqualTo(0x0002);
            assertThat(bluez.cccd(CUFF, HealthCharacteristic.INTERMEDIATE_CUFF_PRESSURE)).isEqualTo(0x0001);
            assertThat(bluez.cccd(CUFF, HealthCharacteristic.BP_RECORD_ACCESS_CONTROL_POINT)).isEqualTo(0x0002);
            assertThat(((BloodPressureCuffSimulator) bluez.sensor(CUFF)).deviceClockSetTo()).isNotNull();

            bluez.runCycle(CUFF);
            List<Measurement> reading = events.measurements.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(reading).isNotNull();
            assertThat(reading).extracting(Measurement::sign).containsExactly(VitalSign.SYSTOLIC_PRESSURE,
                    VitalSign.DIASTOLIC_PRESSURE, VitalSign.MEAN_ARTERIAL_PRESSURE, VitalSign.PULSE_RATE);
            assertThat(reading).isEqualTo(expectedReadings(1, cuff));
            assertThat(reading.get(0).deviceTime()).isEqualTo(CLOCK.instant());
            // the inflation/deflation ramp reached the gauge, and none of it became a measurement
            assertThat(events.gauge).hasSizeGreaterThan(10);
            assertThat(events.measurements).isEmpty();
        }
    }

    @Test
    void powerCycleReconnectsAndResubscribes() throws Exception {
        try (BleHealthDevice cuff = openCuff()) {
            bluez.powerOff(CUFF);
            assertThat(nextConnectionEvent(false)).as("a disconnection event").isTrue();
            assertThat(bluez.isNotifying(CUFF, HealthCharacteristic.BLOOD_PRESSURE_MEASUREMENT)).isFalse();
            bluez.powerOn(CUFF); // bonded: BlueZ reconnects it (Connected false -> true)
            assertThat(nextConnectionEvent(true)).as("a connection event").isTrue();
            assertThat(bluez.isNotifying(CUFF, HealthCharacteristic.BLOOD_PRESSURE_MEASUREMENT)).isTrue();

            bluez.runCycle(CUFF);
            List<Measurement> reading = events.measurements.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(reading).isEqualTo(expectedReadings(1, cuff));
        }
    }

    @Test
    void theLinkRetriesConnectUntilTheSensorIsBack() throws Exception {
        try (BleHealthDevice cuff = openCuff()) {
            bluez.setAutoConnect(CUFF, false);
            bluez.powerOff(CUFF);
            assertThat(nextConnectionEvent(false)).as("a disconnection event").isTrue();
            Thread.sleep(300); // a few refused Connect attempts while the sensor is off
            assertThat(bluez.isConnected(CUFF)).isFalse();
            bluez.powerOn(CUFF);
            assertThat(nextConnectionEvent(true)).as("a connection event").isTrue();
            assertThat(bluez.isConnected(CUFF)).isTrue();
            assertThat(bluez.isNotifying(CUFF, HealthCharacteristic.BLOOD_PRESSURE_MEASUREMENT)).isTrue();
        }
    }

    @Test
    void recordAccessControlPointReportsStoredRecords() throws Exception {
        try (BleHealthDevice cuff = openCuff()) {
            assertThat(cuff.requestNumberOfStoredRecords().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(3);
            BleHealthDevice.StoredRecords stored = cuff.requestAllStoredRecords().get(WAIT.toSeconds(),
                    TimeUnit.SECONDS);
            assertThat(stored.response().code()).isEqualTo(RacpResponseCode.SUCCESS);
            assertThat(stored.response().requestOpCode()).isEqualTo(0x01);
            assertThat(stored.records()).hasSize(3 * 4);
            assertThat(stored.records()).filteredOn(m -> m.sign() == VitalSign.SYSTOLIC_PRESSURE)
                    .extracting(Measurement::deviceTime)
                    .containsExactly(Instant.parse("2026-11-19T07:30:00Z"), Instant.parse("2026-11-20T07:30:00Z"),
                            Instant.parse("2026-11-21T07:30:00Z"));
        }
    }

    @Test
    void hostileValuesAreDroppedAndLowBatteryIsFlagged() throws Exception {
        DiscoveredDevice found = transport.scan(EnumSet.of(HealthService.PULSE_OXIMETER), Duration.ofMillis(200))
                .get(0);
        try (BleHealthDevice oximeter = BleHealthDevice.open(transport, found, PARIS, CLOCK, events)) {
            assertThat(events.battery.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(87);
            assertThat(bluez.cccd(OXIMETER, HealthCharacteristic.PLX_CONTINUOUS_MEASUREMENT)).isEqualTo(0x0001);
            assertThat(bluez.cccd(OXIMETER, HealthCharacteristic.PLX_SPOT_CHECK_MEASUREMENT)).isEqualTo(0x0002);
            BleSensorSimulator sensor = bluez.sensor(OXIMETER);

            sensor.setFault(BleFault.GARBAGE);
            for (int i = 0; i < 5; i++) bluez.runCycle(OXIMETER);
            assertThat(events.malformed.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();

            sensor.setFault(BleFault.LOW_BATTERY);
            bluez.runCycle(OXIMETER); // the battery notification closes the cycle
            assertThat(events.battery.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(5);
            events.measurements.clear();
            sensor.setFault(BleFault.NONE);
            bluez.runCycle(OXIMETER);
            List<Measurement> live = events.measurements.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(live).extracting(Measurement::sign).contains(VitalSign.OXYGEN_SATURATION,
                    VitalSign.PULSE_RATE);
            assertThat(live.get(0).value()).isBetween(85.0, 100.0);
            assertThat(live.get(0).flags()).contains(StatusFlag.LOW_BATTERY);
            assertThat(oximeter.isConnected()).isTrue();
        }
    }

    @Test
    void aMissingBusSocketFailsAtOnce() {
        assertThatThrownBy(() -> BluezTransport.connect("unix:path=/nonexistent/telestation/bus",
                Duration.ofSeconds(1))).isInstanceOf(BleException.class).hasMessageContaining("no D-Bus socket");
    }
}
