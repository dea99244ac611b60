package org.telestation.devices.model;

/** Where a device's link stands, as the nurse's device panel shows it. */
public enum ConnectionState {
    /** Not seen yet, or unplugged / out of range. */
    DISCONNECTED,
    /** Found and being opened (serial port opening, BLE connecting and subscribing). */
    CONNECTING,
    /** Open and able to deliver values. */
    CONNECTED
}
