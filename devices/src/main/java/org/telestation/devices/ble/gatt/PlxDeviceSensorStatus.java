package org.telestation.devices.ble.gatt;

/** PLX Device and Sensor Status bits (uint24, standards.md §1.5); bits 16–23 are reserved. */
public enum PlxDeviceSensorStatus {
    EXTENDED_DISPLAY_UPDATE_ONGOING,
    EQUIPMENT_MALFUNCTION_DETECTED,
    SIGNAL_PROCESSING_IRREGULARITY_DETECTED,
    INADEQUATE_SIGNAL_DETECTED,
    POOR_SIGNAL_DETECTED,
    LOW_PERFUSION_DETECTED,
    ERRATIC_SIGNAL_DETECTED,
    NONPULSATILE_SIGNAL_DETECTED,
    QUESTIONABLE_PULSE_DETECTED,
    SIGNAL_ANALYSIS_ONGOING,
    SENSOR_INTERFERENCE_DETECTED,
    SENSOR_UNCONNECTED_TO_USER,
    UNKNOWN_SENSOR_CONNECTED,
    SENSOR_DISPLACED,
    SENSOR_MALFUNCTIONING,
    SENSOR_DISCONNECTED;

    /** The bit position is the ordinal. */
    public int mask() {
        return 1 << ordinal();
    }

    public boolean isSetIn(Integer raw) {
        return raw != null && (raw & mask()) != 0;
    }
}
