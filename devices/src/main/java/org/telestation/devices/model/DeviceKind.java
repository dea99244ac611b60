package org.telestation.devices.model;

/** The devices of a telemedicine cart (product.md §3). */
public enum DeviceKind {
    BLOOD_PRESSURE_MONITOR,
    PULSE_OXIMETER,
    THERMOMETER,
    HEART_RATE_MONITOR,
    ECG_12_LEAD,
    STETHOSCOPE,
    OTOSCOPE,
    DERMATOSCOPE,
    RETINOGRAPH
}
