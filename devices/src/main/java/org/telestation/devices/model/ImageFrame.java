package org.telestation.devices.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A still image or one video frame.
 *
 * @param format  how {@code data} is encoded: "image/jpeg", "image/png", "application/dicom", or a raw pixel
 *                format such as "video/x-raw;format=I420"
 * @param still   true for a full-resolution snapshot meant for the record, false for a live video frame
 * @param laterality "L", "R" or null (retinography, otoscopy)
 */
public record ImageFrame(DeviceIdentity device, Instant captureTime, int width, int height, String format,
                         byte[] data, boolean still, String laterality) {
    public ImageFrame {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(data, "data");
    }
}
