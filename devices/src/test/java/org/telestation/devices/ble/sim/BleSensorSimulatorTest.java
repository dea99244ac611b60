package org.telestation.devices.ble.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.telestation.devices.ble.gatt.BatteryLevel;
import org.telestation.devices.ble.gatt.BloodPressureMeasurement;
import org.telestation.devices.ble.gatt.BloodPressureStatus.PulseRateRange;
import org.telestation.devices.ble.gatt.HealthCharacteristic;
import org.telestation.devices.ble.gatt.HeartRateMeasurement;
import org.telestation.devices.ble.gatt.IntermediateCuffPressure;
import org.telestation.devices.ble.gatt.MalformedValueException;
import org.telestation.devices.ble.gatt.PlxContinuousMeasurement;
import org.telestation.devices.ble.gatt.PlxFeatures;
import org.telestation.devices.ble.gatt.PlxMeasurementStatus;
import org.telestation.devices.ble.gatt.PlxSpotCheckMeasurement;
import org.telestation.devices.ble.gatt.PressureUnit;
import org.telestation.devices.ble.gatt.TemperatureMeasurement;
import org.telestation.devices.ieee11073.SpecialValue;

class BleSensorSimulatorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:15:00Z"), ZoneId.of("Europe/Paris"));

    private static BloodPressureCuffSimulator cuff() {
        return new BloodPressureCuffSimulator("AA:BB:CC:00:00:01", 5, CLOCK, PressureUnit.MMHG, 3);
    }

    private static List<SimEvent.Value> values(List<SimEvent> events, HealthCharacteristic c) {
        return events.stream().filter(e -> e instanceof SimEvent.Value v && v.characteristic() == c)
                .map(e -> (SimEvent.Value) e).toList();
    }

    private static String hex(SimEvent e) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(((SimEvent.Value) e).bytes());
    }

    @Test
    void cuffRampsTheGaugeThenIndicatesAPlausibleReading() throws Exception {
        BloodPressureCuffSimulator sim = cuff();
        for (int cycle = 0; cycle < 50; cycle++) {
            List<SimEvent> events = sim.nextCycle();
            List<SimEvent.Value> gauge = values(events, HealthCharacteristic.INTERMEDIATE_CUFF_PRESSURE);
            List<Integer> pressures = new java.util.ArrayList<>();
            for (SimEvent.Value v : gauge) {
                pressures.add(IntermediateCuffPressure.decode(v.bytes()).currentCuffPressureMmHg().intValue());
            }
            int peak = pressures.indexOf(pressures.stream().max(Integer::compare).orElseThrow());
            assertThat(pressures.subList(0, peak + 1)).isSorted();
            assertThat(pressures.subList(peak, pressures.size())).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
            SimEvent.Value last = (SimEvent.Value) events.get(events.size() - 1);
            BloodPressureMeasurement bp = BloodPressureMeasurement.decode(last.bytes());
            double sys = bp.systolic().doubleValue(), dia = bp.diastolic().doubleValue();
            double map = bp.meanArterialPressure().doubleValue();
            assertThat(sys).isBetween(70.0, 200.0);
            assertThat(dia).isLessThan(sys);
            assertThat(map).isBetween(dia, sys);
            assertThat(pressures.get(peak)).isGreaterThan((int) sys);
            assertThat(bp.timeStamp().toLocalDateTime()).isPresent();
        }
        assertThat(sim.storedRecordCount()).isEqualTo(53);
    }

    @Test
    void cuffInKpaSendsKpa() throws Exception {
        BloodPressureCuffSimulator sim = new BloodPressureCuffSimulator("AA:BB:CC:00:00:01", 5, CLOCK,
                PressureUnit.KPA, 0);
        List<SimEvent> events = sim.nextCycle();
        BloodPressureMeasurement bp = BloodPressureMeasurement.decode(((SimEvent.Value) events.get(events.size() - 1))
                .bytes());
        assertThat(bp.unit()).isEqualTo(PressureUnit.KPA);
        assertThat(bp.systolic().doubleValue()).isBetween(9.0, 27.0);
    }

    @Test
    void noMeasurementSendsSpecialValues() throws Exception {
        BloodPressureCuffSimulator cuff = cuff();
        cuff.setFault(BleFault.NO_MEASUREMENT);
        List<SimEvent> events = cuff.nextCycle();
        BloodPressureMeasurement bp = BloodPressureMeasurement.decode(((SimEvent.Value) events.get(events.size() - 1))
                .bytes());
        assertThat(bp.systolic().special()).isEqualTo(SpecialValue.NAN);
        assertThat(bp.pulseRate().special()).isEqualTo(SpecialValue.NRES);

        PulseOximeterSimulator oxi = new PulseOximeterSimulator("AA:BB:CC:00:00:02", 1, CLOCK);
        oxi.setFault(BleFault.NO_MEASUREMENT);
        PlxContinuousMeasurement plx = PlxContinuousMeasurement.decode(((SimEvent.Value) oxi.nextCycle().get(0))
                .bytes());
        assertThat(plx.spo2().special()).isEqualTo(SpecialValue.NAN);
        assertThat(PlxMeasurementStatus.MEASUREMENT_UNAVAILABLE.isSetIn(plx.measurementStatus())).isTrue();

        ThermometerSimulator thermo = new ThermometerSimulator("AA:BB:CC:00:00:03", 1, CLOCK, false);
        thermo.setFault(BleFault.NO_MEASUREMENT);
        assertThat(TemperatureMeasurement.decode(((SimEvent.Value) thermo.nextCycle().get(0)).bytes()).celsius())
                .isNull();

        HeartRateSensorSimulator hr = new HeartRateSensorSimulator("AA:BB:CC:00:00:04", 1, CLOCK);
        hr.setFault(BleFault.NO_MEASUREMENT);
        assertThat(HeartRateMeasurement.decode(((SimEvent.Value) hr.nextCycle().get(0)).bytes()).sensorContact())
                .isEqualTo(HeartRateMeasurement.SensorContact.NOT_DETECTED);
    }

    @Test
    void outOfRangeSendsInfinitiesAndRangeBits() throws Exception {
        BloodPressureCuffSimulator cuff = cuff();
        cuff.setFault(BleFault.OUT_OF_RANGE);
        List<SimEvent> events = cuff.nextCycle();
        BloodPressureMeasurement bp = BloodPressureMeasurement.decode(((SimEvent.Value) events.get(events.size() - 1))
                .bytes());
        assertThat(bp.systolic().special()).isEqualTo(SpecialValue.POSITIVE_INFINITY);
        assertThat(bp.status().pulseRateRange()).isEqualTo(PulseRateRange.EXCEEDS_UPPER_LIMIT);

        ThermometerSimulator thermo = new ThermometerSimulator("AA:BB:CC:00:00:03", 1, CLOCK, false);
        thermo.setFault(BleFault.OUT_OF_RANGE);
        assertThat(TemperatureMeasurement.decode(((SimEvent.Value) thermo.nextCycle().get(0)).bytes())
                .temperature().special()).isEqualTo(SpecialValue.POSITIVE_INFINITY);

        HeartRateSensorSimulator hr = new HeartRateSensorSimulator("AA:BB:CC:00:00:04", 1, CLOCK);
        hr.setFault(BleFault.OUT_OF_RANGE);
        assertThat(HeartRateMeasurement.decode(((SimEvent.Value) hr.nextCycle().get(0)).bytes()).heartRate())
                .isEqualTo(300);
    }

    @Test
    void truncatedMeasurementsNoLongerDecode() {
        BloodPressureCuffSimulator cuff = cuff();
        cuff.setFault(BleFault.TRUNCATED);
        for (int i = 0; i < 20; i++) {
            List<SimEvent> events = cuff.nextCycle();
            byte[] bpm = ((SimEvent.Value) events.get(events.size() - 1)).bytes();
            assertThatThrownBy(() -> BloodPressureMeasurement.decode(bpm)).isInstanceOf(MalformedValueException.class);
        }
    }

    @Test
    void garbageIsNotTheReading() {
        BloodPressureCuffSimulator clean = cuff();
        BloodPressureCuffSimulator dirty = cuff();
        dirty.setFault(BleFault.GARBAGE);
        int malformed = 0;
        for (int i = 0; i < 20; i++) {
            List<SimEvent> a = clean.nextCycle();
            List<SimEvent> b = dirty.nextCycle();
            assertThat(hex(b.get(b.size() - 1))).isNotEqualTo(hex(a.get(a.size() - 1)));
            try {
                BloodPressureMeasurement.decode(((SimEvent.Value) b.get(b.size() - 1)).bytes());
            } catch (MalformedValueException e) {
                malformed++;
            }
        }
        assertThat(malformed).isPositive();
    }

    @Test
    void lowBatteryIsNotified() throws Exception {
        HeartRateSensorSimulator hr = new HeartRateSensorSimulator("AA:BB:CC:00:00:04", 1, CLOCK);
        assertThat(BatteryLevel.decode(hr.read(HealthCharacteristic.BATTERY_LEVEL)).low()).isFalse();
        hr.setFault(BleFault.LOW_BATTERY);
        List<SimEvent> events = hr.nextCycle();
        SimEvent.Value battery = values(events, HealthCharacteristic.BATTERY_LEVEL).get(0);
        assertThat(BatteryLevel.decode(battery.bytes()).percent()).isEqualTo(5);
        assertThat(BatteryLevel.decode(hr.read(HealthCharacteristic.BATTERY_LEVEL)).low()).isTrue();
    }

    @Test
    void disconnectDropsAndRestoresPowerBeforeTheCycle() {
        ThermometerSimulator thermo = new ThermometerSimulator("AA:BB:CC:00:00:03", 1, CLOCK, true);
        thermo.setFault(BleFault.DISCONNECT);
        List<SimEvent> events = thermo.nextCycle();
        assertThat(events.get(0)).isInstanceOf(SimEvent.PowerOff.class);
        assertThat(events.get(1)).isInstanceOf(SimEvent.PowerOn.class);
        assertThat(events.get(2)).isInstanceOf(SimEvent.Value.class);
    }

    @Test
    void oximeterStreamsAndStoresSpotChecks() throws Exception {
        PulseOximeterSimulator oxi = new PulseOximeterSimulator("AA:BB:CC:00:00:02", 9, CLOCK);
        PlxFeatures features = PlxFeatures.decode(oxi.read(HealthCharacteristic.PLX_FEATURES));
        assertThat(features.measurementStorageForSpotCheck()).isTrue();
        int spots = 0;
        for (int i = 0; i < 10; i++) {
            List<SimEvent> events = oxi.nextCycle();
            PlxContinuousMeasurement c = PlxContinuousMeasurement.decode(
                    values(events, HealthCharacteristic.PLX_CONTINUOUS_MEASUREMENT).get(0).bytes());
            assertThat(c.spo2().doubleValue()).isBetween(85.0, 100.0);
            assertThat(PlxMeasurementStatus.EARLY_ESTIMATED_DATA.isSetIn(c.measurementStatus())).isEqualTo(i < 3);
            for (SimEvent.Value v : values(events, HealthCharacteristic.PLX_SPOT_CHECK_MEASUREMENT)) {
                assertThat(PlxSpotCheckMeasurement.decode(v.bytes()).timestamp()).isNotNull();
                spots++;
            }
        }
        assertThat(spots).isEqualTo(2);
        List<SimEvent> report = oxi.write(HealthCharacteristic.PLX_RECORD_ACCESS_CONTROL_POINT,
                new byte[] {0x01, 0x01});
        assertThat(values(report, HealthCharacteristic.PLX_SPOT_CHECK_MEASUREMENT)).hasSize(2);
        assertThat(hex(report.get(2))).isEqualTo("06 00 01 01");
    }

    @Test
    void recordAccessControlPointAnswersEveryRequest() {
        BloodPressureCuffSimulator sim = cuff();
        HealthCharacteristic racp = HealthCharacteristic.BP_RECORD_ACCESS_CONTROL_POINT;
        HexFormat h = HexFormat.of();
        assertThat(hex(sim.write(racp, h.parseHex("0401")).get(0))).isEqualTo("05 00 03 00");
        List<SimEvent> all = sim.write(racp, h.parseHex("0101"));
        assertThat(values(all, HealthCharacteristic.BLOOD_PRESSURE_MEASUREMENT)).hasSize(3);
        assertThat(hex(all.get(3))).isEqualTo("06 00 01 01");
        assertThat(values(sim.write(racp, h.parseHex("0105")), HealthCharacteristic.BLOOD_PRESSURE_MEASUREMENT))
                .hasSize(1);
        assertThat(values(sim.write(racp, h.parseHex("01040102000300")),
                HealthCharacteristic.BLOOD_PRESSURE_MEASUREMENT)).hasSize(2);
        assertThat(hex(sim.write(racp, h.parseHex("01040202000300")).get(0))).isEqualTo("06 00 01 09");
        assertThat(hex(sim.write(racp, h.parseHex("0100")).get(0))).isEqualTo("06 00 01 03");
        assertThat(hex(sim.write(racp, h.parseHex("0C01")).get(0))).isEqualTo("06 00 0C 02");
        assertThat(hex(sim.write(racp, h.parseHex("0109")).get(0))).isEqualTo("06 00 01 03");
        assertThat(hex(sim.write(racp, h.parseHex("0300")).get(0))).isEqualTo("06 00 03 01");
        assertThat(hex(sim.write(racp, h.parseHex("0201")).get(0))).isEqualTo("06 00 02 01");
        assertThat(hex(sim.write(racp, h.parseHex("0401")).get(0))).isEqualTo("05 00 00 00");
        assertThat(hex(sim.write(racp, h.parseHex("0101")).get(0))).isEqualTo("06 00 01 06");
        assertThat(sim.write(racp, new byte[0])).isEmpty();
    }

    @Test
    void commandLinePrintsHexFrames() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int rc = SimulatorCli.run(new String[] {"--cycles", "2", "--fault", "low_battery"}, "X", Set.of(),
                (seed, clock, o) -> new HeartRateSensorSimulator("AA:BB:CC:00:00:04", seed, CLOCK),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(rc).isZero();
        assertThat(out).contains("HEART_RATE_MEASUREMENT", "0x2A37", "BATTERY_LEVEL", "0x2A19 05", "# cycle 2");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(SimulatorCli.run(new String[] {"--fault", "MELTDOWN"}, "X", Set.of(), (s, c, o) -> null,
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }
}
