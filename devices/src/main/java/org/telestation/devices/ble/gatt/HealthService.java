package org.telestation.devices.ble.gatt;

import java.util.UUID;

/** The Bluetooth SIG services a station scans for (standards.md §1.4–1.7), plus Battery. */
public enum HealthService {
    BLOOD_PRESSURE(0x1810),
    PULSE_OXIMETER(0x1822),
    HEALTH_THERMOMETER(0x1809),
    HEART_RATE(0x180D),
    BATTERY(0x180F);

    private final int uuid16;

    HealthService(int uuid16) {
        this.uuid16 = uuid16;
    }

    public int uuid16() {
        return uuid16;
    }

    public UUID uuid() {
        return HealthCharacteristic.sigUuid(uuid16);
    }

    public static HealthService byUuid(String uuid) {
        for (HealthService s : values()) {
            if (s.uuid().toString().equalsIgnoreCase(uuid)) return s;
        }
        return null;
    }
}
