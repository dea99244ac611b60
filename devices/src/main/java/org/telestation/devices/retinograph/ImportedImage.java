package org.telestation.devices.retinograph;

import java.util.Objects;

import org.telestation.devices.model.ImageFrame;

/**
 * One retinography image taken from the export folder.
 *
 * @param sha256       hex SHA-256 of the file's bytes: the dedupe key, and the idempotency key for the outbox
 * @param originalName the file name the retinograph gave it (may contain patient names: never log it)
 * @param frame        the image (still, full resolution, laterality "L"/"R"/null, time = file modification time)
 */
public record ImportedImage(String sha256, String originalName, ImageFrame frame) {
    public ImportedImage {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(originalName, "originalName");
        Objects.requireNonNull(frame, "frame");
    }
}
