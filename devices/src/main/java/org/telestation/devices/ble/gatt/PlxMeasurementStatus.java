package org.telestation.devices.ble.gatt;

/** PLX Measurement Status bits (uint16, standards.md §1.5); bits 0–4 are reserved. */
public enum PlxMeasurementStatus {
    MEASUREMENT_ONGOING(5),
    EARLY_ESTIMATED_DATA(6),
    VALIDATED_DATA(7),
    FULLY_QUALIFIED_DATA(8),
    DATA_FROM_MEASUREMENT_STORAGE(9),
    DATA_FOR_DEMONSTRATION(10),
    DATA_FOR_TESTING(11),
    CALIBRATION_ONGOING(12),
    MEASUREMENT_UNAVAILABLE(13),
    QUESTIONABLE_MEASUREMENT_DETECTED(14),
    INVALID_MEASUREMENT_DETECTED(15);

    private final int bit;

    PlxMeasurementStatus(int bit) {
        this.bit = bit;
    }

    public int mask() {
        return 1 << bit;
    }

    public boolean isSetIn(Integer raw) {
        return raw != null && (raw & mask()) != 0;
    }
}
