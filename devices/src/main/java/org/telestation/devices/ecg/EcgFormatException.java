package org.telestation.devices.ecg;

/**
 * The one error an ECG reader declares: the bytes are not a recording it can decode (malformed, truncated, lying
 * lengths, or a feature it does not support, which the message names).
 */
public class EcgFormatException extends Exception {
    public EcgFormatException(String message) {
        super(message);
    }

    public EcgFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
