package org.telestation.station.media;

import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import java.nio.ByteBuffer;
import org.telestation.devices.model.ImageFrame;
import org.telestation.devices.video.VideoSource;

/** Copies a packed I420 frame from a {@link VideoSource} into a native WebRTC frame (which may pad its rows). */
public final class I420Frames {
    private I420Frames() {
    }

    /**
     * @param timestampNs the frame's capture time on WebRTC's monotonic clock
     * @throws IllegalArgumentException when the frame is not I420 or its data does not match its size
     */
    public static VideoFrame toVideoFrame(ImageFrame frame, long timestampNs) {
        if (!VideoSource.I420_FORMAT.equals(frame.format())) {
            throw new IllegalArgumentException("not an I420 frame: " + frame.format());
        }
        int w = frame.width();
        int h = frame.height();
        int cw = (w + 1) / 2;
        int ch = (h + 1) / 2;
        byte[] data = frame.data();
        if (w <= 0 || h <= 0 || data.length != w * h + 2 * cw * ch) {
            throw new IllegalArgumentException("I420 data of " + data.length + " bytes for " + w + "x" + h);
        }
        NativeI420Buffer buffer = NativeI420Buffer.allocate(w, h);
        copyPlane(data, 0, w, h, buffer.getDataY(), buffer.getStrideY());
        copyPlane(data, w * h, cw, ch, buffer.getDataU(), buffer.getStrideU());
        copyPlane(data, w * h + cw * ch, cw, ch, buffer.getDataV(), buffer.getStrideV());
        return new VideoFrame(buffer, timestampNs);
    }

    private static void copyPlane(byte[] src, int offset, int width, int height, ByteBuffer dst, int stride) {
        ByteBuffer out = dst.duplicate();
        if (stride == width) {
            out.position(0);
            out.put(src, offset, width * height);
            return;
        }
        for (int row = 0; row < height; row++) {
            out.position(row * stride);
            out.put(src, offset + row * width, width);
        }
    }
}
