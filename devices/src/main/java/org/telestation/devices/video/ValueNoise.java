package org.telestation.devices.video;

/**
 * Smooth deterministic 2-D noise in [0, 1] (hashed lattice, bilinear with smoothstep), used for tissue texture.
 * Evaluated in image-independent coordinates so a still and a live frame of different sizes show the same texture.
 */
public final class ValueNoise {
    private final long seed;

    public ValueNoise(long seed) {
        this.seed = seed;
    }

    public double at(double x, double y) {
        int ix = (int) Math.floor(x), iy = (int) Math.floor(y);
        double fx = x - ix, fy = y - iy;
        double sx = fx * fx * (3 - 2 * fx), sy = fy * fy * (3 - 2 * fy);
        double a = lattice(ix, iy), b = lattice(ix + 1, iy), c = lattice(ix, iy + 1), d = lattice(ix + 1, iy + 1);
        return (a + (b - a) * sx) * (1 - sy) + (c + (d - c) * sx) * sy;
    }

    /** Two octaves, for a less regular texture. */
    public double fractal(double x, double y) {
        return 0.65 * at(x, y) + 0.35 * at(2.03 * x + 17.1, 2.03 * y - 5.3);
    }

    private double lattice(int x, int y) {
        long h = seed ^ (x * 0x9E3779B97F4A7C15L) ^ (y * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return (h >>> 11) * 0x1.0p-53;
    }
}
