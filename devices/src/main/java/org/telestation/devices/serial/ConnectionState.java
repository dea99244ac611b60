package org.telestation.devices.serial;

/** Where a device link stands, as the station shows it to the nurse. */
public enum ConnectionState {
    /** First attempt to open the port. */
    CONNECTING,
    /** The port is open and the device sends data. */
    CONNECTED,
    /** The port is open but nothing arrived for a while: the device is off, asleep or idle. */
    SILENT,
    /** The port vanished or failed; retrying with back-off. */
    RECONNECTING,
    /** Still retrying, but it has failed long enough that the nurse must act (see the diagnostic). */
    FAILED,
    /** Closed on purpose. */
    CLOSED
}
