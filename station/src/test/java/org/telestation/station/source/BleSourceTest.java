package org.telestation.station.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.telestation.devices.ble.bluez.BluezTransport;
import org.telestation.devices.ble.gatt.HealthService;
import org.telestation.devices.ble.gatt.PressureUnit;
import org.telestation.devices.ble.sim.BloodPressureCuffSimulator;
import org.telestation.devices.ble.sim.ThermometerSimulator;
import org.telestation.devices.ble.sim.bluez.FakeBluez;
import org.telestation.devices.ble.sim.bluez.PrivateDbusDaemon;
import org.telestation.devices.model.VitalSign;

/**
 * BLE sensors as the agent runs them: through the real BlueZ client against the fake {@code org.bluez} on a private
 * dbus-daemon (Debian package {@code dbus}), through the in-process simulated transport of demo mode, and with no
 * Bluetooth at all.
 */
class BleSourceTest {
    static final String CUFF = "00:09:1F:80:00:01";
    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aCuffOnBluezIsFoundReadAndReportedWithItsBattery() throws Exception {
        try (PrivateDbusDaemon daemon = PrivateDbusDaemon.start();
             FakeBluez bluez = FakeBluez.start(daemon.address())) {
            bluez.addSensor(new BloodPressureCuffSimulator(CUFF, 11, Clock.systemUTC(), PressureUnit.MMHG, 0));
            BluezTransport transport = BluezTransport.connect(daemon.address(), Duration.ofMillis(200));
            try (BleSource source = new BleSource(HealthService.BLOOD_PRESSURE, CUFF.toLowerCase(), () -> transport,
                    false, Clock.systemUTC(), ZoneId.of("Europe/Paris"))) {
                RecordingSink sink = new RecordingSink();
                source.start(sink);
                RecordingSink.await(WAIT, "cuff connected", () -> sink.lastStatus().state() == DeviceStatus.State.CONNECTED);
                assertThat(sink.lastStatus().batteryPercent()).isEqualTo(87);
                assertThat(sink.lastStatus().diagnostic()).isNull();
                bluez.runCycle(CUFF);
                RecordingSink.await(WAIT, "a BP reading", () -> sink.measurements.stream()
                        .anyMatch(m -> m.sign() == VitalSign.SYSTOLIC_PRESSURE));
                assertThat(sink.measurements).extracting(m -> m.sign())
                        .contains(VitalSign.SYSTOLIC_PRESSURE, VitalSign.DIASTOLIC_PRESSURE);
                assertThat(sink.measurements).allSatisfy(m -> assertThat(m.device().id())
                        .isEqualTo("blood_pressure_monitor:" + CUFF));
                assertThat(source.identity().id()).isEqualTo("blood_pressure_monitor:" + CUFF);
            } finally {
                transport.close();
            }
        }
    }

    @Test
    void aMissingCuffIsExplainedToTheNurse() throws Exception {
        try (PrivateDbusDaemon daemon = PrivateDbusDaemon.start();
             FakeBluez bluez = FakeBluez.start(daemon.address())) {
            bluez.addSensor(new ThermometerSimulator("00:13:7B:00:00:01", 7, Clock.systemUTC(), false));
            BluezTransport transport = BluezTransport.connect(daemon.address(), Duration.ofMillis(200));
            try (BleSource source = new BleSource(HealthService.BLOOD_PRESSURE, null, () -> transport, false,
                    Clock.systemUTC(), ZoneId.systemDefault())) {
                RecordingSink sink = new RecordingSink();
                source.start(sink);
                RecordingSink.await(WAIT, "not found", () -> sink.lastStatus().state() == DeviceStatus.State.DISCONNECTED);
                assertThat(sink.lastStatus().diagnostic())
                        .isEqualTo("Brassard non détecté — vérifiez qu'il est allumé et appairé");
            } finally {
                transport.close();
            }
        }
    }

    @Test
    void withoutBluetoothTheStatusSaysSo() throws Exception {
        try (BleSource source = new BleSource(HealthService.BLOOD_PRESSURE, null,
                () -> BluezTransport.connect("unix:path=/nonexistent/telestation/bus", Duration.ofSeconds(1)), false,
                Clock.systemUTC(), ZoneId.systemDefault())) {
            RecordingSink sink = new RecordingSink();
            source.start(sink);
            RecordingSink.await(WAIT, "error status", () -> sink.lastStatus().state() == DeviceStatus.State.ERROR);
            assertThat(sink.lastStatus().diagnostic()).startsWith("Bluetooth indisponible sur cette station");
        }
    }

    @Test
    void demoModeSimulatorsGoThroughTheGattParsers() throws Exception {
        BloodPressureCuffSimulator cuff = new BloodPressureCuffSimulator(CUFF, 3, Clock.systemUTC(), PressureUnit.KPA, 0);
        SimulatedBleTransport transport = new SimulatedBleTransport(cuff, Duration.ZERO, Duration.ofMillis(200));
        try (BleSource source = new BleSource(HealthService.BLOOD_PRESSURE, CUFF, () -> transport, true,
                Clock.systemUTC(), ZoneId.systemDefault())) {
            RecordingSink sink = new RecordingSink();
            source.start(sink);
            RecordingSink.await(WAIT, "readings", () -> sink.measurements.size() >= 6);
            assertThat(sink.lastStatus().diagnostic()).contains("Simulateur");
            assertThat(source.identity().model()).isEqualTo("Brassard (simulateur)");
            // kPa on the air, mm[Hg] in the model: the GATT parser and mapper did the conversion.
            assertThat(sink.measurements).filteredOn(m -> m.sign() == VitalSign.SYSTOLIC_PRESSURE)
                    .allSatisfy(m -> assertThat(m.value()).isBetween(80.0, 200.0));
        } finally {
            transport.close();
        }
    }
}
