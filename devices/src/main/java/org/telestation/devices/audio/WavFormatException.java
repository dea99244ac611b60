package org.telestation.devices.audio;

import java.io.IOException;

/** The bytes are not a RIFF/WAVE PCM16 file this reader accepts; the only error {@link WavReader} declares. */
public class WavFormatException extends IOException {
    public WavFormatException(String message) {
        super(message);
    }
}
