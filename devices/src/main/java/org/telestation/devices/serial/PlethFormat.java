package org.telestation.devices.serial;

/**
 * How a protocol carries its pleth waveform: physical (unitless) value = sample + offset.
 *
 * @param sampleRateHz samples per second on the wire
 * @param offset       added to each stored sample (16-bit unsigned pleths are stored shifted by −32768)
 */
public record PlethFormat(double sampleRateHz, double offset) {
}
