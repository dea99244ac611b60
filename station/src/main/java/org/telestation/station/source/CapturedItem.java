package org.telestation.station.source;

import java.util.Objects;
import org.telestation.devices.model.DeviceIdentity;

/**
 * A durable result of a device (ECG recording, image, audio clip) for the outbox; the stream is the device's id,
 * so one device's items reach the server in capture order.
 *
 * @param kind        outbox kind: ECG, IMAGE or AUDIO (docs/wire-protocol.md §4)
 * @param contentType media type of the payload, with parameters where the file format cannot carry them
 *                    (retinography: {@code image/jpeg; laterality=R})
 * @param summary     a short French description for the nurse's list (no patient data)
 */
public record CapturedItem(DeviceIdentity device, String kind, String contentType, byte[] payload, String summary) {
    public CapturedItem {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(payload, "payload");
    }
}
