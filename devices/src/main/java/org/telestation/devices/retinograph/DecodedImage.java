package org.telestation.devices.retinograph;

import java.util.Objects;

/**
 * What a decoder learnt from an image file.
 *
 * @param mediaType  "image/jpeg", "image/png", "application/dicom"…
 * @param width      pixels
 * @param height     pixels
 * @param laterality "L", "R" or null, when the file's own metadata says which eye (DICOM (0020,0062), a PNG text
 *                   chunk, a JPEG comment)
 */
public record DecodedImage(String mediaType, int width, int height, String laterality) {
    public DecodedImage {
        Objects.requireNonNull(mediaType, "mediaType");
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("image size must be positive");
        if (laterality != null && !laterality.equals("L") && !laterality.equals("R")) {
            throw new IllegalArgumentException("laterality must be L, R or null");
        }
    }
}
