package org.telestation.devices.video;

/**
 * Draws digits, ':' , '.' and '-' as seven-segment glyphs straight into a pixel array. The simulators stamp time on
 * their images this way so that they need no font: headless servers often have none installed.
 */
public final class SevenSegment {
    // segments a b c d e f g as bits 0..6
    private static final int[] DIGITS = {0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F};

    private SevenSegment() {
    }

    /** Width in pixels that {@link #draw} uses for {@code text} at glyph height {@code h}. */
    public static int width(String text, int h) {
        int w = 0;
        for (char c : text.toCharArray()) w += advance(c, h);
        return w;
    }

    public static void draw(int[] pixels, int imgW, int imgH, int x, int y, int h, String text, int rgb) {
        int t = Math.max(1, h / 8);
        int gw = h / 2;
        for (char c : text.toCharArray()) {
            if (c >= '0' && c <= '9') {
                int s = DIGITS[c - '0'];
                int half = h / 2;
                if ((s & 1) != 0) rect(pixels, imgW, imgH, x, y, gw, t, rgb);
                if ((s & 2) != 0) rect(pixels, imgW, imgH, x + gw - t, y, t, half, rgb);
                if ((s & 4) != 0) rect(pixels, imgW, imgH, x + gw - t, y + half, t, h - half, rgb);
                if ((s & 8) != 0) rect(pixels, imgW, imgH, x, y + h - t, gw, t, rgb);
                if ((s & 16) != 0) rect(pixels, imgW, imgH, x, y + half, t, h - half, rgb);
                if ((s & 32) != 0) rect(pixels, imgW, imgH, x, y, t, half, rgb);
                if ((s & 64) != 0) rect(pixels, imgW, imgH, x, y + half - t / 2, gw, t, rgb);
            } else if (c == ':') {
                rect(pixels, imgW, imgH, x, y + h / 4, t, t, rgb);
                rect(pixels, imgW, imgH, x, y + 3 * h / 4 - t, t, t, rgb);
            } else if (c == '.') {
                rect(pixels, imgW, imgH, x, y + h - t, t, t, rgb);
            } else if (c == '-') {
                rect(pixels, imgW, imgH, x, y + h / 2 - t / 2, gw, t, rgb);
            }
            x += advance(c, h);
        }
    }

    private static int advance(char c, int h) {
        int t = Math.max(1, h / 8);
        return (c == ':' || c == '.') ? 3 * t : h / 2 + 2 * t;
    }

    private static void rect(int[] px, int imgW, int imgH, int x, int y, int w, int h, int rgb) {
        for (int yy = Math.max(0, y); yy < Math.min(imgH, y + h); yy++) {
            for (int xx = Math.max(0, x); xx < Math.min(imgW, x + w); xx++) px[yy * imgW + xx] = rgb;
        }
    }
}
