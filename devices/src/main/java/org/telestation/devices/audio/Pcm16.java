package org.telestation.devices.audio;

/** Little helpers on interleaved signed 16-bit little-endian PCM. */
public final class Pcm16 {
    private Pcm16() {
    }

    public static void swapBytes(byte[] pcm) {
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            byte b = pcm[i];
            pcm[i] = pcm[i + 1];
            pcm[i + 1] = b;
        }
    }

    public static short sample(byte[] pcm16le, int index) {
        return (short) ((pcm16le[2 * index] & 0xFF) | (pcm16le[2 * index + 1] << 8));
    }

    public static void put(byte[] pcm16le, int index, short value) {
        pcm16le[2 * index] = (byte) value;
        pcm16le[2 * index + 1] = (byte) (value >> 8);
    }

    public static short[] toShorts(byte[] pcm16le) {
        short[] out = new short[pcm16le.length / 2];
        for (int i = 0; i < out.length; i++) out[i] = sample(pcm16le, i);
        return out;
    }
}
