package org.telestation.bench.ble;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.telestation.devices.ble.GattMeasurementMapper;
import org.telestation.devices.ble.gatt.BatteryLevel;
import org.telestation.devices.ble.gatt.BloodPressureFeature;
import org.telestation.devices.ble.gatt.BloodPressureMeasurement;
import org.telestation.devices.ble.gatt.GattDateTime;
import org.telestation.devices.ble.gatt.HeartRateMeasurement;
import org.telestation.devices.ble.gatt.IntermediateCuffPressure;
import org.telestation.devices.ble.gatt.MalformedValueException;
import org.telestation.devices.ble.gatt.PlxContinuousMeasurement;
import org.telestation.devices.ble.gatt.PlxFeatures;
import org.telestation.devices.ble.gatt.PlxSpotCheckMeasurement;
import org.telestation.devices.ble.gatt.RacpRequest;
import org.telestation.devices.ble.gatt.RacpResponse;
import org.telestation.devices.ble.gatt.TemperatureMeasurement;
import org.telestation.devices.ble.gatt.TemperatureType;
import org.telestation.devices.ieee11073.MderFloat;
import org.telestation.devices.ieee11073.MderNumber;
import org.telestation.devices.ieee11073.SFloat;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;
import org.telestation.devices.model.Measurement;

/**
 * Decode throughput of every BLE characteristic parser on the fullest standards.md §1 vector of each (values per
 * second). Real-time rates to compare with are in docs/devices/ble.md: the fastest BLE health stream (PLX
 * Continuous, Intermediate Cuff Pressure) sends at most ~10 values/s per device.
 *
 * <pre>java -jar bench/target/benchmarks.jar GattParsersBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s -t 1</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GattParsersBenchmark {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private final byte[] bpm = hex("1E 8A 00 58 00 78 00 00 00 04 11 14 29 3B 3C 00 01 27 00");
    private final byte[] icp = hex("14 5F 00 FF 07 FF 07 48 00 01 00");
    private final byte[] bpFeature = hex("2F 00");
    private final byte[] plxSpot = hex("0F AC F3 BE F5 E8 07 0B 1D 17 08 39 20 40 22 00 00 66 E3");
    private final byte[] plxContinuous = hex("1F DE F3 CA F3 CA F3 5A F5 D4 F3 B2 F2 20 01 00 00 00 7A E3");
    private final byte[] plxFeatures = hex("A3 00 40 10 80 01 00");
    private final byte[] temperature = hex("06 B0 0E 00 FE DC 07 0C 05 0B 32 1B 04");
    private final byte[] heartRate = hex("1F 01 01 32 01 01 00 02 01 FF FF");
    private final byte[] dateTime = hex("DC 07 0C 05 0B 32 1B");
    private final byte[] battery = hex("57");
    private final byte[] temperatureTypeValue = hex("09");
    private final byte[] racpRequest = hex("01 04 01 03 00 02 01");
    private final byte[] racpResponse = hex("06 00 01 01");
    private final int sfloatRaw = 0xF0BD;
    private final int floatRaw = 0xFE000EB0;
    private final GattMeasurementMapper mapper = new GattMeasurementMapper(
            new DeviceIdentity(DeviceKind.BLOOD_PRESSURE_MONITOR, "bench", "cuff", null, "AA:BB:CC:00:00:01"),
            ZoneId.of("Europe/Paris"));
    private final Instant receipt = Instant.parse("2026-11-22T10:00:00Z");

    @Benchmark
    public MderNumber sfloat() {
        return SFloat.decode(sfloatRaw);
    }

    @Benchmark
    public MderNumber float32() {
        return MderFloat.decode(floatRaw);
    }

    @Benchmark
    public BloodPressureMeasurement bloodPressureMeasurement() throws MalformedValueException {
        return BloodPressureMeasurement.decode(bpm);
    }

    /** Decode plus mapping to four Measurements: what the station does per cuff reading. */
    @Benchmark
    public List<Measurement> bloodPressureMeasurementToModel() throws MalformedValueException {
        return mapper.map(BloodPressureMeasurement.decode(bpm), receipt, Set.of());
    }

    @Benchmark
    public IntermediateCuffPressure intermediateCuffPressure() throws MalformedValueException {
        return IntermediateCuffPressure.decode(icp);
    }

    @Benchmark
    public BloodPressureFeature bloodPressureFeature() throws MalformedValueException {
        return BloodPressureFeature.decode(bpFeature);
    }

    @Benchmark
    public PlxSpotCheckMeasurement plxSpotCheck() throws MalformedValueException {
        return PlxSpotCheckMeasurement.decode(plxSpot);
    }

    @Benchmark
    public PlxContinuousMeasurement plxContinuous() throws MalformedValueException {
        return PlxContinuousMeasurement.decode(plxContinuous);
    }

    @Benchmark
    public PlxFeatures plxFeatures() throws MalformedValueException {
        return PlxFeatures.decode(plxFeatures);
    }

    @Benchmark
    public TemperatureMeasurement temperatureMeasurement() throws MalformedValueException {
        return TemperatureMeasurement.decode(temperature);
    }

    @Benchmark
    public int temperatureType() throws MalformedValueException {
        return TemperatureType.decode(temperatureTypeValue);
    }

    @Benchmark
    public HeartRateMeasurement heartRateMeasurement() throws MalformedValueException {
        return HeartRateMeasurement.decode(heartRate);
    }

    @Benchmark
    public GattDateTime dateTime() throws MalformedValueException {
        return GattDateTime.decode(dateTime);
    }

    @Benchmark
    public BatteryLevel batteryLevel() throws MalformedValueException {
        return BatteryLevel.decode(battery);
    }

    @Benchmark
    public RacpRequest racpRequest() throws MalformedValueException {
        return RacpRequest.decode(racpRequest);
    }

    @Benchmark
    public RacpResponse racpResponse() throws MalformedValueException {
        return RacpResponse.decode(racpResponse);
    }
}
