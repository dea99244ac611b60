package org.telestation.devices.ble.gatt;

/** Battery Level 0x2A19 (Read + Notify, CCCD 0x0001): uint8 percentage 0–100; 101–255 are reserved. */
public record BatteryLevel(int percent) {
    public static final HealthCharacteristic CHARACTERISTIC = HealthCharacteristic.BATTERY_LEVEL;
    /** Below this the nurse is told to change or charge the battery. */
    public static final int LOW_THRESHOLD_PERCENT = 15;

    public BatteryLevel {
        if (percent < 0 || percent > 100) throw new IllegalArgumentException("battery level " + percent);
    }

    public static BatteryLevel decode(byte[] value) throws MalformedValueException {
        int level = GattReader.of(value, "Battery Level").u8("level");
        if (level > 100) throw new MalformedValueException("Battery Level: reserved value " + level);
        return new BatteryLevel(level);
    }

    public byte[] encode() {
        return new byte[] {(byte) percent};
    }

    public boolean low() {
        return percent < LOW_THRESHOLD_PERCENT;
    }
}
