package org.telestation.devices.ble.sim;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.telestation.devices.ble.gatt.HealthCharacteristic;
import org.telestation.devices.ble.gatt.HealthService;
import org.telestation.devices.ble.gatt.TemperatureMeasurement;
import org.telestation.devices.ble.gatt.TemperatureType;
import org.telestation.devices.ieee11073.MderNumber;
import org.telestation.devices.ieee11073.SpecialValue;

/**
 * An ear thermometer on the Health Thermometer Service 0x1809. A cycle is one reading: a Temperature Measurement
 * indication with time stamp and type (tympanum), in °C with two decimals or in °F with one.
 */
public final class ThermometerSimulator extends BleSensorSimulator {
    private final boolean fahrenheit;

    public ThermometerSimulator(String address, long seed, Clock clock, boolean fahrenheit) {
        super(address, "TS-THERMO-" + address.substring(address.length() - 2), seed, clock);
        this.fahrenheit = fahrenheit;
    }

    public static void main(String[] args) {
        System.exit(SimulatorCli.run(args, ThermometerSimulator.class.getName(), Set.of("fahrenheit"),
                (seed, clock, o) -> new ThermometerSimulator("AA:BB:CC:00:00:03", seed, clock,
                        o.containsKey("fahrenheit")), System.out));
    }

    @Override
    public HealthService service() {
        return HealthService.HEALTH_THERMOMETER;
    }

    @Override
    public List<HealthCharacteristic> characteristics() {
        return List.of(HealthCharacteristic.TEMPERATURE_MEASUREMENT, HealthCharacteristic.TEMPERATURE_TYPE);
    }

    @Override
    protected byte[] readValue(HealthCharacteristic characteristic) {
        if (characteristic == HealthCharacteristic.TEMPERATURE_TYPE) return TemperatureType.TYMPANUM.encode();
        throw new UnsupportedOperationException(characteristic + " is not readable");
    }

    @Override
    protected List<SimEvent.Value> measurementCycle() {
        MderNumber t = switch (fault()) {
            case NO_MEASUREMENT -> MderNumber.of(SpecialValue.NAN);
            case OUT_OF_RANGE -> MderNumber.of(SpecialValue.POSITIVE_INFINITY); // the "Hi" display
            default -> {
                BigDecimal celsius = gaussian(36.9, 0.35, 2);
                BigDecimal value = fahrenheit
                        ? celsius.multiply(BigDecimal.valueOf(9)).divide(BigDecimal.valueOf(5))
                        .add(BigDecimal.valueOf(32)).setScale(1, java.math.RoundingMode.HALF_EVEN)
                        : celsius;
                yield MderNumber.of(value.unscaledValue().intValueExact(), -value.scale());
            }
        };
        TemperatureMeasurement m = new TemperatureMeasurement(t, fahrenheit, now(), TemperatureType.TYMPANUM.code());
        return List.of(new SimEvent.Value(HealthCharacteristic.TEMPERATURE_MEASUREMENT, m.encode()));
    }
}
