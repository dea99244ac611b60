package org.telestation.devices.ble.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.telestation.devices.ble.gatt.BloodPressureFeature;
import org.telestation.devices.ble.gatt.BloodPressureMeasurement;
import org.telestation.devices.ble.gatt.BloodPressureStatus;
import org.telestation.devices.ble.gatt.BloodPressureStatus.PulseRateRange;
import org.telestation.devices.ble.gatt.GattDateTime;
import org.telestation.devices.ble.gatt.HealthCharacteristic;
import org.telestation.devices.ble.gatt.HealthService;
import org.telestation.devices.ble.gatt.IntermediateCuffPressure;
import org.telestation.devices.ble.gatt.PressureUnit;
import org.telestation.devices.ieee11073.MderNumber;
import org.telestation.devices.ieee11073.SpecialValue;

/**
 * A blood-pressure cuff on the Blood Pressure Service 0x1810. A cycle is one reading: Intermediate Cuff Pressure
 * notifications while the cuff inflates past systolic and deflates below diastolic, then the Blood Pressure
 * Measurement indication. Readings are stored and served through a Record Access Control Point.
 */
public final class BloodPressureCuffSimulator extends BleSensorSimulator {
    private static final MderNumber UNUSED = MderNumber.of(SpecialValue.NAN);
    private static final BloodPressureFeature FEATURES = new BloodPressureFeature(0x001F);

    private final PressureUnit unit;
    private final RecordStore store;
    private GattDateTime deviceClockSetTo;

    public BloodPressureCuffSimulator(String address, long seed, Clock clock, PressureUnit unit, int storedReadings) {
        super(address, "TS-CUFF-" + address.substring(address.length() - 2), seed, clock);
        this.unit = unit;
        this.store = new RecordStore(HealthCharacteristic.BLOOD_PRESSURE_MEASUREMENT,
                HealthCharacteristic.BP_RECORD_ACCESS_CONTROL_POINT, 100);
        LocalDateTime now = LocalDateTime.now(clock);
        for (int i = storedReadings; i > 0; i--) {
            store.add(reading(GattDateTime.of(now.minusDays(i).withHour(8).withMinute(30).withSecond(0))).encode());
        }
    }

    public static void main(String[] args) {
        System.exit(SimulatorCli.run(args, BloodPressureCuffSimulator.class.getName(), Set.of("kpa"),
                (seed, clock, o) -> new BloodPressureCuffSimulator("AA:BB:CC:00:00:01", seed, clock,
                        o.containsKey("kpa") ? PressureUnit.KPA : PressureUnit.MMHG, 3), System.out));
    }

    @Override
    public HealthService service() {
        return HealthService.BLOOD_PRESSURE;
    }

    @Override
    public List<HealthCharacteristic> characteristics() {
        return List.of(HealthCharacteristic.BLOOD_PRESSURE_MEASUREMENT, HealthCharacteristic.INTERMEDIATE_CUFF_PRESSURE,
                HealthCharacteristic.BLOOD_PRESSURE_FEATURE, HealthCharacteristic.DATE_TIME,
                HealthCharacteristic.BP_RECORD_ACCESS_CONTROL_POINT);
    }

    public int storedRecordCount() {
        return store.size();
    }

    /** What the station last wrote to Date Time 0x2A08 (A&D cuffs expect it, standards.md §1.4), or null. */
    public GattDateTime deviceClockSetTo() {
        return deviceClockSetTo;
    }

    @Override
    protected byte[] readValue(HealthCharacteristic characteristic) {
        return switch (characteristic) {
            case BLOOD_PRESSURE_FEATURE -> FEATURES.encode();
            case DATE_TIME -> now().encode();
            default -> throw new UnsupportedOperationException(characteristic + " is not readable");
        };
    }

    @Override
    public List<SimEvent> write(HealthCharacteristic characteristic, byte[] value) {
        if (characteristic == HealthCharacteristic.BP_RECORD_ACCESS_CONTROL_POINT) return store.handle(value);
        if (characteristic == HealthCharacteristic.DATE_TIME && value != null && value.length >= 7) {
            deviceClockSetTo = new GattDateTime((value[0] & 0xFF) | (value[1] & 0xFF) << 8, value[2] & 0xFF,
                    value[3] & 0xFF, value[4] & 0xFF, value[5] & 0xFF, value[6] & 0xFF);
            return List.of();
        }
        return super.write(characteristic, value);
    }

    @Override
    protected List<SimEvent.Value> measurementCycle() {
        BloodPressureMeasurement reading = reading(now());
        List<SimEvent.Value> out = new ArrayList<>();
        int top = reading.systolic().isFinite() ? reading.systolic().decimal().intValue() + 30 : 180;
        for (int p = 20; p <= Math.min(top, 280); p += 20) out.add(gauge(p));       // inflation
        for (int p = Math.min(top, 280); p >= 40; p -= 6) out.add(gauge(p));        // deflation, ~3 mmHg/s
        out.add(new SimEvent.Value(HealthCharacteristic.BLOOD_PRESSURE_MEASUREMENT, reading.encode()));
        store.add(reading.encode());
        return out;
    }

    private SimEvent.Value gauge(int mmHg) {
        MderNumber p = pressure(BigDecimal.valueOf(mmHg));
        return new SimEvent.Value(HealthCharacteristic.INTERMEDIATE_CUFF_PRESSURE,
                new IntermediateCuffPressure(unit, p, null, null, null, null).encode());
    }

    private BloodPressureMeasurement reading(GattDateTime time) {
        if (fault() == BleFault.NO_MEASUREMENT) {
            MderNumber none = MderNumber.of(SpecialValue.NAN);
            return new BloodPressureMeasurement(unit, none, none, none, time, MderNumber.of(SpecialValue.NRES), 1,
                    new BloodPressureStatus(0));
        }
        if (fault() == BleFault.OUT_OF_RANGE) {
            return new BloodPressureMeasurement(unit, MderNumber.of(SpecialValue.POSITIVE_INFINITY),
                    pressure(BigDecimal.valueOf(130)), UNUSED, time, MderNumber.of(210, 0), 1,
                    BloodPressureStatus.of(false, false, false, PulseRateRange.EXCEEDS_UPPER_LIMIT, false));
        }
        int sys = gaussian(125, 12, 0).intValue();
        int dia = Math.min(sys - 25, gaussian(80, 8, 0).intValue());
        int map = dia + Math.round((sys - dia) / 3f);
        int pulse = gaussian(72, 8, 0).intValue();
        BloodPressureStatus status = BloodPressureStatus.of(random.nextInt(10) == 0, random.nextInt(20) == 0,
                random.nextInt(20) == 0, PulseRateRange.WITHIN_RANGE, false);
        return new BloodPressureMeasurement(unit, pressure(BigDecimal.valueOf(sys)), pressure(BigDecimal.valueOf(dia)),
                pressure(BigDecimal.valueOf(map)), time, MderNumber.of(pulse, 0), 1, status);
    }

    /** A mmHg pressure in the cuff's unit (kPa with one decimal, as real cuffs display it). */
    private MderNumber pressure(BigDecimal mmHg) {
        if (unit == PressureUnit.MMHG) return MderNumber.of(mmHg.intValue(), 0);
        BigDecimal kpa = mmHg.multiply(new BigDecimal("0.133322")).setScale(1, RoundingMode.HALF_EVEN);
        return MderNumber.of(kpa.unscaledValue().intValue(), -1);
    }
}
