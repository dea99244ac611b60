package org.telestation.devices.model;

/**
 * Conditions the device reported with a value. They travel with the value so the doctor can judge it
 * (an irregular pulse during a BP reading changes how it is read) and the nurse can fix the cause.
 */
public enum StatusFlag {
    BODY_MOVEMENT,
    CUFF_TOO_LOOSE,
    IRREGULAR_PULSE,
    PULSE_RATE_OUT_OF_RANGE,
    IMPROPER_MEASUREMENT_POSITION,
    LOW_BATTERY,
    SENSOR_DISCONNECTED,
    SENSOR_MALFUNCTION,
    LOW_PERFUSION,
    ARTIFACT,
    SEARCHING,
    NO_MEASUREMENT,
    OUT_OF_RANGE,
    LOW_SIGNAL_QUALITY,
    EARLY_ESTIMATE
}
