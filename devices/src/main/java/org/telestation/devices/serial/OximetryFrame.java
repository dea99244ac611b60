package org.telestation.devices.serial;

/** A decoded oximeter frame: spot values when it completes a reading, and the pleth samples it carries. */
public interface OximetryFrame {

    short[] NO_SAMPLES = new short[0];

    /** The spot values this frame completes, or null when it carries none (e.g. a mid-packet Nonin DF2 frame). */
    OximetryReading reading();

    /** Pleth samples in this frame, in order (offset as given by the protocol's {@link PlethFormat}). */
    default short[] plethSamples() {
        return NO_SAMPLES;
    }
}
