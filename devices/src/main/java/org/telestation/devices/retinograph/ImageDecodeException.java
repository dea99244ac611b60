package org.telestation.devices.retinograph;

/**
 * The bytes are not a valid image of the decoder's format: the only error an {@link ImageDecoder} declares.
 * {@link #incomplete()} says the file looks cut short (it may still be being written), as opposed to corrupt.
 */
public class ImageDecodeException extends Exception {
    private final boolean incomplete;

    public ImageDecodeException(String message, boolean incomplete) {
        super(message, null, false, false); // no stack trace: a format error is data, and hostile files are many
        this.incomplete = incomplete;
    }

    public static ImageDecodeException corrupt(String message) {
        return new ImageDecodeException(message, false);
    }

    public static ImageDecodeException truncated(String message) {
        return new ImageDecodeException(message, true);
    }

    public boolean incomplete() {
        return incomplete;
    }
}
