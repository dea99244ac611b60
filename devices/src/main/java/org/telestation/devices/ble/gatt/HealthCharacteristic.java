package org.telestation.devices.ble.gatt;

import java.util.UUID;

/**
 * The characteristics Telestation reads, with their service and how they are delivered (standards.md §0.2, §1.4–1.8).
 * Record Access Control Point is listed under both services that use it here (PLX spot-check storage; the cuff's
 * stored readings, see docs/devices/ble.md).
 */
public enum HealthCharacteristic {
    BLOOD_PRESSURE_MEASUREMENT(0x2A35, HealthService.BLOOD_PRESSURE, Delivery.INDICATE),
    INTERMEDIATE_CUFF_PRESSURE(0x2A36, HealthService.BLOOD_PRESSURE, Delivery.NOTIFY),
    BLOOD_PRESSURE_FEATURE(0x2A49, HealthService.BLOOD_PRESSURE, Delivery.READ),
    DATE_TIME(0x2A08, HealthService.BLOOD_PRESSURE, Delivery.READ),
    BP_RECORD_ACCESS_CONTROL_POINT(0x2A52, HealthService.BLOOD_PRESSURE, Delivery.WRITE_INDICATE),
    PLX_SPOT_CHECK_MEASUREMENT(0x2A5E, HealthService.PULSE_OXIMETER, Delivery.INDICATE),
    PLX_CONTINUOUS_MEASUREMENT(0x2A5F, HealthService.PULSE_OXIMETER, Delivery.NOTIFY),
    PLX_FEATURES(0x2A60, HealthService.PULSE_OXIMETER, Delivery.READ),
    PLX_RECORD_ACCESS_CONTROL_POINT(0x2A52, HealthService.PULSE_OXIMETER, Delivery.WRITE_INDICATE),
    TEMPERATURE_MEASUREMENT(0x2A1C, HealthService.HEALTH_THERMOMETER, Delivery.INDICATE),
    TEMPERATURE_TYPE(0x2A1D, HealthService.HEALTH_THERMOMETER, Delivery.READ),
    HEART_RATE_MEASUREMENT(0x2A37, HealthService.HEART_RATE, Delivery.NOTIFY),
    BATTERY_LEVEL(0x2A19, HealthService.BATTERY, Delivery.NOTIFY);

    private static final long SIG_BASE_LSB = 0x800000805F9B34FBL;

    private final int uuid16;
    private final HealthService service;
    private final Delivery delivery;

    HealthCharacteristic(int uuid16, HealthService service, Delivery delivery) {
        this.uuid16 = uuid16;
        this.service = service;
        this.delivery = delivery;
    }

    public int uuid16() {
        return uuid16;
    }

    public UUID uuid() {
        return sigUuid(uuid16);
    }

    public HealthService service() {
        return service;
    }

    public Delivery delivery() {
        return delivery;
    }

    /** The 128-bit form of a 16-bit SIG UUID (0000xxxx-0000-1000-8000-00805f9b34fb). */
    public static UUID sigUuid(int uuid16) {
        return new UUID((long) uuid16 << 32 | 0x1000L, SIG_BASE_LSB);
    }

    /** The characteristic with this UUID inside this service, or null. */
    public static HealthCharacteristic find(HealthService service, String uuid) {
        for (HealthCharacteristic c : values()) {
            if (c.service == service && c.uuid().toString().equalsIgnoreCase(uuid)) return c;
        }
        return null;
    }
}
