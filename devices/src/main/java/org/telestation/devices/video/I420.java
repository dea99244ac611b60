package org.telestation.devices.video;

/** RGB → I420 (BT.601 limited range, the default of WebRTC and most UVC cameras) and back, for even sizes. */
public final class I420 {
    private I420() {
    }

    /** Converts packed 0xRRGGBB pixels (alpha ignored) to Y plane, then U, then V (chroma averaged over 2×2). */
    public static byte[] fromRgb(int[] rgb, int width, int height) {
        int ySize = width * height, cSize = ySize / 4;
        byte[] out = new byte[ySize + 2 * cSize];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int p = rgb[row + x];
                int r = p >> 16 & 0xFF, g = p >> 8 & 0xFF, b = p & 0xFF;
                out[row + x] = (byte) (((66 * r + 129 * g + 25 * b + 128) >> 8) + 16);
            }
        }
        int cw = width / 2;
        for (int y = 0; y < height; y += 2) {
            for (int x = 0; x < width; x += 2) {
                int r = 0, g = 0, b = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int p = rgb[(y + dy) * width + x + dx];
                        r += p >> 16 & 0xFF;
                        g += p >> 8 & 0xFF;
                        b += p & 0xFF;
                    }
                }
                r >>= 2;
                g >>= 2;
                b >>= 2;
                int ci = (y / 2) * cw + x / 2;
                out[ySize + ci] = (byte) (((-38 * r - 74 * g + 112 * b + 128) >> 8) + 128);
                out[ySize + cSize + ci] = (byte) (((112 * r - 94 * g - 18 * b + 128) >> 8) + 128);
            }
        }
        return out;
    }

    /** One pixel of an I420 frame back to 0xRRGGBB (for tests and previews). */
    public static int rgbAt(byte[] i420, int width, int height, int x, int y) {
        int ySize = width * height, ci = (y / 2) * (width / 2) + x / 2;
        int c = (i420[y * width + x] & 0xFF) - 16;
        int d = (i420[ySize + ci] & 0xFF) - 128;
        int e = (i420[ySize + ySize / 4 + ci] & 0xFF) - 128;
        int r = clamp((298 * c + 409 * e + 128) >> 8);
        int g = clamp((298 * c - 100 * d - 208 * e + 128) >> 8);
        int b = clamp((298 * c + 516 * d + 128) >> 8);
        return r << 16 | g << 8 | b;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }
}
