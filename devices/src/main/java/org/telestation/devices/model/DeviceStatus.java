package org.telestation.devices.model;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A snapshot of one device's health for the device panel: is it there, how much battery is left, when did it last
 * give a value, and what is wrong if something is.
 *
 * @param device         the device
 * @param connection     link state
 * @param batteryPercent 0–100, or -1 when the device does not report its battery
 * @param lastValueTime  when the last value arrived (station clock), or null if none yet
 * @param problem        what is wrong, or null when nothing is
 * @param statusTime     when this snapshot was taken (station clock)
 */
public record DeviceStatus(DeviceIdentity device, ConnectionState connection, int batteryPercent,
                           Instant lastValueTime, DeviceProblem problem, Instant statusTime) {
    public static final int BATTERY_UNKNOWN = -1;

    public DeviceStatus {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(statusTime, "statusTime");
        if (batteryPercent < BATTERY_UNKNOWN || batteryPercent > 100) {
            throw new IllegalArgumentException("battery percent out of range: " + batteryPercent);
        }
    }

    public static DeviceStatus connected(DeviceIdentity device, Instant now) {
        return new DeviceStatus(device, ConnectionState.CONNECTED, BATTERY_UNKNOWN, null, null, now);
    }

    public static DeviceStatus disconnected(DeviceIdentity device, DeviceProblem problem, Instant now) {
        return new DeviceStatus(device, ConnectionState.DISCONNECTED, BATTERY_UNKNOWN, null, problem, now);
    }

    public OptionalInt battery() {
        return batteryPercent == BATTERY_UNKNOWN ? OptionalInt.empty() : OptionalInt.of(batteryPercent);
    }

    public boolean healthy() {
        return connection == ConnectionState.CONNECTED && problem == null;
    }

    public DeviceStatus withBattery(int percent, Instant now) {
        return new DeviceStatus(device, connection, percent, lastValueTime, problem, now);
    }

    public DeviceStatus withValueAt(Instant valueTime) {
        return new DeviceStatus(device, connection, batteryPercent, valueTime, problem, valueTime);
    }

    public DeviceStatus withProblem(DeviceProblem newProblem, Instant now) {
        return new DeviceStatus(device, connection, batteryPercent, lastValueTime, newProblem, now);
    }

    public DeviceStatus withConnection(ConnectionState state, Instant now) {
        return new DeviceStatus(device, state, batteryPercent, lastValueTime, problem, now);
    }
}
