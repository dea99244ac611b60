package org.telestation.devices.ble.sim;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.telestation.devices.ble.gatt.HealthCharacteristic;
import org.telestation.devices.ble.gatt.HealthService;
import org.telestation.devices.ble.gatt.PlxContinuousMeasurement;
import org.telestation.devices.ble.gatt.PlxDeviceSensorStatus;
import org.telestation.devices.ble.gatt.PlxFeatures;
import org.telestation.devices.ble.gatt.PlxMeasurementStatus;
import org.telestation.devices.ble.gatt.PlxSpotCheckMeasurement;
import org.telestation.devices.ieee11073.MderNumber;
import org.telestation.devices.ieee11073.SpecialValue;

/**
 * A pulse oximeter on the Pulse Oximeter Service 0x1822. A cycle is one second: one PLX Continuous notification;
 * every fifth cycle also a stored PLX Spot-check indication. The first cycles after start are flagged "early
 * estimate" while the reading settles.
 */
public final class PulseOximeterSimulator extends BleSensorSimulator {
    /** Measurement status, device/sensor status, spot-check storage, timestamp, PAI. */
    private static final PlxFeatures FEATURES = new PlxFeatures(0x004F,
            PlxMeasurementStatus.MEASUREMENT_ONGOING.mask() | PlxMeasurementStatus.EARLY_ESTIMATED_DATA.mask()
                    | PlxMeasurementStatus.MEASUREMENT_UNAVAILABLE.mask(),
            PlxDeviceSensorStatus.LOW_PERFUSION_DETECTED.mask() | PlxDeviceSensorStatus.SENSOR_UNCONNECTED_TO_USER.mask());
    private static final int SPOT_CHECK_EVERY = 5;

    private final RecordStore store = new RecordStore(HealthCharacteristic.PLX_SPOT_CHECK_MEASUREMENT,
            HealthCharacteristic.PLX_RECORD_ACCESS_CONTROL_POINT, 100);
    private int cycle;

    public PulseOximeterSimulator(String address, long seed, Clock clock) {
        super(address, "TS-OXI-" + address.substring(address.length() - 2), seed, clock);
    }

    public static void main(String[] args) {
        System.exit(SimulatorCli.run(args, PulseOximeterSimulator.class.getName(), Set.of(),
                (seed, clock, o) -> new PulseOximeterSimulator("AA:BB:CC:00:00:02", seed, clock), System.out));
    }

    @Override
    public HealthService service() {
        return HealthService.PULSE_OXIMETER;
    }

    @Override
    public List<HealthCharacteristic> characteristics() {
        return List.of(HealthCharacteristic.PLX_SPOT_CHECK_MEASUREMENT, HealthCharacteristic.PLX_CONTINUOUS_MEASUREMENT,
                HealthCharacteristic.PLX_FEATURES, HealthCharacteristic.PLX_RECORD_ACCESS_CONTROL_POINT);
    }

    @Override
    protected byte[] readValue(HealthCharacteristic characteristic) {
        if (characteristic == HealthCharacteristic.PLX_FEATURES) return FEATURES.encode();
        throw new UnsupportedOperationException(characteristic + " is not readable");
    }

    @Override
    public List<SimEvent> write(HealthCharacteristic characteristic, byte[] value) {
        if (characteristic == HealthCharacteristic.PLX_RECORD_ACCESS_CONTROL_POINT) return store.handle(value);
        return super.write(characteristic, value);
    }

    @Override
    protected List<SimEvent.Value> measurementCycle() {
        cycle++;
        MderNumber spo2, pr;
        int status = PlxMeasurementStatus.MEASUREMENT_ONGOING.mask();
        int sensor = 0;
        switch (fault()) {
            case NO_MEASUREMENT -> {
                spo2 = MderNumber.of(SpecialValue.NAN);
                pr = MderNumber.of(SpecialValue.NAN);
                status = PlxMeasurementStatus.MEASUREMENT_UNAVAILABLE.mask();
                sensor = PlxDeviceSensorStatus.SENSOR_UNCONNECTED_TO_USER.mask();
            }
            case OUT_OF_RANGE -> {
                spo2 = MderNumber.of(SpecialValue.NEGATIVE_INFINITY);
                pr = MderNumber.of(SpecialValue.POSITIVE_INFINITY);
            }
            default -> {
                spo2 = MderNumber.of(Math.min(100, gaussian(97, 1.2, 0).intValue()), 0);
                pr = MderNumber.of(gaussian(75, 6, 0).intValue(), 0);
                if (cycle <= 3) status |= PlxMeasurementStatus.EARLY_ESTIMATED_DATA.mask();
            }
        }
        BigDecimal pai = gaussian(4.5, 1.5, 1).max(new BigDecimal("0.2"));
        MderNumber paiNumber = MderNumber.of(pai.unscaledValue().intValue(), -1);
        if (random.nextInt(15) == 0) sensor |= PlxDeviceSensorStatus.LOW_PERFUSION_DETECTED.mask();
        List<SimEvent.Value> out = new ArrayList<>(2);
        out.add(new SimEvent.Value(HealthCharacteristic.PLX_CONTINUOUS_MEASUREMENT,
                new PlxContinuousMeasurement(spo2, pr, null, null, null, null, status, sensor, paiNumber).encode()));
        if (cycle % SPOT_CHECK_EVERY == 0) {
            byte[] spot = new PlxSpotCheckMeasurement(spo2, pr, now(), status, sensor, paiNumber, false).encode();
            store.add(spot);
            out.add(new SimEvent.Value(HealthCharacteristic.PLX_SPOT_CHECK_MEASUREMENT, spot));
        }
        return out;
    }
}
