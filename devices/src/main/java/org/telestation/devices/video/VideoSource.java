package org.telestation.devices.video;

import java.io.IOException;

import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.ImageFrame;

/**
 * A camera of the cart (otoscope, dermatoscope: USB video class). Live frames feed the clinical video track; a still
 * is a full-resolution snapshot for the record, taken without stopping the live stream.
 */
public interface VideoSource extends AutoCloseable {
    /** Media type of live frames: planar YUV 4:2:0, what WebRTC's custom video sources take. */
    String I420_FORMAT = "video/x-raw;format=I420";

    DeviceIdentity device();

    VideoMode liveMode();

    /**
     * Blocks until the next live frame ({@link #I420_FORMAT}, {@code still == false}).
     *
     * @throws org.telestation.devices.model.DeviceUnavailableException when the camera is gone
     */
    ImageFrame nextFrame() throws IOException;

    /** A full-resolution JPEG snapshot ({@code image/jpeg}, {@code still == true}). */
    ImageFrame captureStill() throws IOException;

    @Override
    void close();
}
