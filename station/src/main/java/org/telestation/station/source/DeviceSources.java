package org.telestation.station.source;

import java.time.Clock;
import java.time.Instant;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;
import org.telestation.station.config.DeviceConfig;

/** Opens the {@link DeviceSource} a configured device needs. The device branches add their protocols here. */
public final class DeviceSources {
    private DeviceSources() {
    }

    public static DeviceSource open(DeviceConfig config, Clock clock) {
        return switch (config.protocol()) {
            case "synthetic-oximeter" -> new SyntheticOximeterSource(
                    config.serialPort() != null ? config.serialPort() : "synthetic:" + config.name(), clock);
            case "synthetic-bp-cuff" -> new SyntheticBloodPressureSource(
                    config.serialPort() != null ? config.serialPort() : "synthetic:" + config.name(), clock);
            default -> new UnsupportedSource(config, clock);
        };
    }

    /** Keeps a configured but unknown protocol visible on the nurse's screen instead of failing the whole agent. */
    static final class UnsupportedSource implements DeviceSource {
        private final DeviceIdentity identity;
        private final Clock clock;
        private final String protocol;

        UnsupportedSource(DeviceConfig config, Clock clock) {
            String address = config.serialPort() != null ? config.serialPort()
                    : config.bleAddress() != null ? config.bleAddress() : config.name();
            this.identity = new DeviceIdentity(kind(config), null, config.name(), null, address);
            this.clock = clock;
            this.protocol = config.protocol();
        }

        /** The configured {@code kind} option (a DeviceKind name), so the nurse sees which box it is. */
        private static DeviceKind kind(DeviceConfig config) {
            try {
                return DeviceKind.valueOf(config.options().getOrDefault("kind", "PULSE_OXIMETER"));
            } catch (IllegalArgumentException e) {
                return DeviceKind.PULSE_OXIMETER;
            }
        }

        @Override
        public DeviceIdentity identity() {
            return identity;
        }

        @Override
        public void start(DeviceSink sink) {
            sink.status(new DeviceStatus(identity, DeviceStatus.State.ERROR, null,
                    "Appareil non pris en charge par cette version (protocole « " + protocol + " »)",
                    Instant.now(clock)));
        }

        @Override
        public void close() {
        }
    }
}
