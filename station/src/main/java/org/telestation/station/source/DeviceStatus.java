package org.telestation.station.source;

import java.time.Instant;
import java.util.Objects;
import org.telestation.devices.model.DeviceIdentity;

/**
 * How a device is doing, for the nurse's screen and the doctor's panel.
 *
 * @param batteryPercent 0–100, or null when the device does not say
 * @param diagnostic     what the nurse should do, in French, or null when all is well
 *                       (e.g. "Capteur débranché : replacez le doigt dans l'oxymètre")
 */
public record DeviceStatus(DeviceIdentity device, State state, Integer batteryPercent, String diagnostic,
                           Instant at) {
    public enum State { CONNECTING, CONNECTED, DISCONNECTED, ERROR }

    public DeviceStatus {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
    }
}
