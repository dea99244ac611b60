package org.telestation.devices.ble.sim;

/** Faults a simulated BLE sensor can be told to produce (product.md §3). */
public enum BleFault {
    /** Plausible readings. */
    NONE,
    /** Every value replaced by random bytes (a corrupted or foreign characteristic value). */
    GARBAGE,
    /** Every value cut short (a buggy firmware or a truncated ATT write). */
    TRUNCATED,
    /** "No measurement": NaN / NRes special values and the matching status bits. */
    NO_MEASUREMENT,
    /** Values beyond the measurable range: ±INFINITY special values and range status bits. */
    OUT_OF_RANGE,
    /** Battery Level 0x2A19 drops to 5 % and is notified with every cycle. */
    LOW_BATTERY,
    /** The sensor powers off and on again before its cycle (BlueZ sees Connected false then true). */
    DISCONNECT
}
