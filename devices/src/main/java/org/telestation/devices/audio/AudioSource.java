package org.telestation.devices.audio;

import java.io.IOException;

import org.telestation.devices.model.AudioChunk;
import org.telestation.devices.model.DeviceIdentity;

/**
 * A stethoscope (or any chest-piece microphone) delivering unprocessed PCM16: no automatic gain, noise suppression
 * or echo cancellation is applied anywhere behind this interface.
 */
public interface AudioSource extends AutoCloseable {
    DeviceIdentity device();

    /** The format chunks come in; fixed once the source is open. */
    AudioCaptureFormat format();

    /**
     * Blocks until {@code frames} frames are captured (or fewer when the source ends) and returns them.
     *
     * @return the chunk, or null when the source has ended (device unplugged, simulator finished)
     * @throws IOException when capture fails; sources report a missing or vanished device as
     *                     {@link AudioDeviceUnavailableException}
     */
    AudioChunk read(int frames) throws IOException;

    @Override
    void close();
}
