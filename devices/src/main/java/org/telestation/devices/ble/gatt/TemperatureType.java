package org.telestation.devices.ble.gatt;

/**
 * Temperature Type (0x2A1D, Read; also the optional last field of 0x2A1C), standards.md §1.6. The measurement site
 * matters clinically: a tympanic reading is not an armpit reading.
 */
public enum TemperatureType {
    ARMPIT(1),
    BODY_GENERAL(2),
    EAR_LOBE(3),
    FINGER(4),
    GASTRO_INTESTINAL_TRACT(5),
    MOUTH(6),
    RECTUM(7),
    TOE(8),
    TYMPANUM(9);

    public static final HealthCharacteristic CHARACTERISTIC = HealthCharacteristic.TEMPERATURE_TYPE;

    private final int code;

    TemperatureType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type of a code, or null for a reserved code (0, 10–255). */
    public static TemperatureType fromCode(int code) {
        return code >= 1 && code <= 9 ? values()[code - 1] : null;
    }

    /** Decodes a Temperature Type 0x2A1D value to its raw code (reserved codes are kept, not rejected). */
    public static int decode(byte[] value) throws MalformedValueException {
        return GattReader.of(value, "Temperature Type").u8("temperature type");
    }

    public byte[] encode() {
        return new byte[] {(byte) code};
    }
}
