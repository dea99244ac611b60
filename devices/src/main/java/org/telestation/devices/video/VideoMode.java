package org.telestation.devices.video;

/** A live video mode: frame size and rate. Sizes are even so I420 chroma planes are whole. */
public record VideoMode(int width, int height, double fps) {
    public VideoMode {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("frame size must be positive and even: " + width + "x" + height);
        }
        if (!(fps > 0 && fps <= 240)) throw new IllegalArgumentException("fps must be in (0, 240]");
    }

    public int i420Bytes() {
        return width * height * 3 / 2;
    }
}
