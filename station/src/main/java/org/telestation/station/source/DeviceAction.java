package org.telestation.station.source;

import java.util.Objects;

/**
 * Something the nurse can ask a device to do from the screen.
 *
 * @param id    stable identifier used by the screen ("record-ecg", "snapshot"…)
 * @param label the button's text, in French
 */
public record DeviceAction(String id, String label) {
    public DeviceAction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }
}
