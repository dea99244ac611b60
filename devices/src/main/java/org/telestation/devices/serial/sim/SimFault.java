package org.telestation.devices.serial.sim;

import java.util.Locale;

/** Faults a simulator can inject, as named on its command line ({@code --fault garbage}). */
public enum SimFault {
    NONE,
    /** Random bytes before every n-th frame. */
    GARBAGE,
    /** Every n-th frame is cut in half. */
    TRUNCATED,
    /** Every n-th frame has a wrong checksum (protocols with a checksum only). */
    BAD_CHECKSUM,
    /** The port is closed for a while, then reopened, periodically. */
    DISCONNECT,
    /** The device reports a low battery. */
    LOW_BATTERY,
    /** The sensor is off the finger: the device reports no measurement. */
    SENSOR_OFF,
    /** Values beyond what the device can measure (SpO2 above 100 %, extreme pulse rates). */
    OUT_OF_RANGE;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static SimFault parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** True for faults that damage bytes of some frames (the simulator records those readings as not intact). */
    public boolean corruptsFrames() {
        return this == GARBAGE || this == TRUNCATED || this == BAD_CHECKSUM;
    }
}
