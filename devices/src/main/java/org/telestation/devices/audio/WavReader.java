package org.telestation.devices.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads RIFF/WAVE files holding 16-bit PCM ({@code WAVE_FORMAT_PCM}, or {@code WAVE_FORMAT_EXTENSIBLE} with the PCM
 * sub-format), 1–8 channels. Hostile input only ever yields {@link WavFormatException}:
 * <ul>
 *   <li>every length field is checked against the bytes actually present before use; nothing is allocated from a
 *       length field, only from the input's real size (itself bounded by the caller's {@code maxBytes});</li>
 *   <li>the RIFF size is ignored beyond its presence (writers often leave it wrong); a data chunk longer than the
 *       file is accepted as truncated and cut to whole frames;</li>
 *   <li>unknown chunks (LIST, fact, cue…) are skipped, honouring the pad byte after odd-sized chunks.</li>
 * </ul>
 */
public final class WavReader {
    /** Default bound for {@link #read(Path)}: 10 minutes of 48 kHz stereo is 110 MB. */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

    private static final int WAVE_FORMAT_PCM = 1;
    private static final int WAVE_FORMAT_EXTENSIBLE = 0xFFFE;
    private static final int MAX_CHANNELS = 8;
    private static final int MAX_RATE = 768_000;

    private WavReader() {
    }

    public static WavAudio read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, DEFAULT_MAX_BYTES);
        }
    }

    /** Reads at most {@code maxBytes} from the stream; a longer stream is refused rather than read. */
    public static WavAudio read(InputStream in, long maxBytes) throws IOException {
        int limit = (int) Math.min(maxBytes, Integer.MAX_VALUE - 16);
        byte[] data = in.readNBytes(limit + 1);
        if (data.length > limit) throw new WavFormatException("file larger than " + limit + " bytes");
        return read(data);
    }

    public static WavAudio read(byte[] b) throws WavFormatException {
        if (b.length < 12 || !tag(b, 0, "RIFF") || !tag(b, 8, "WAVE")) {
            throw new WavFormatException("not a RIFF/WAVE file");
        }
        int pos = 12;
        int rate = 0, channels = 0;
        boolean haveFmt = false;
        while (pos + 8 <= b.length) {
            long size = u32(b, pos + 4);
            int body = pos + 8;
            long available = b.length - body;
            if (tag(b, pos, "fmt ")) {
                if (size < 16 || size > available) throw new WavFormatException("bad fmt chunk size " + size);
                int formatTag = u16(b, body);
                channels = u16(b, body + 2);
                long sampleRate = u32(b, body + 4);
                int blockAlign = u16(b, body + 12);
                int bits = u16(b, body + 14);
                if (formatTag == WAVE_FORMAT_EXTENSIBLE) {
                    if (size < 40) throw new WavFormatException("extensible fmt chunk too short");
                    formatTag = u16(b, body + 24); // first two bytes of the sub-format GUID
                }
                if (formatTag != WAVE_FORMAT_PCM) throw new WavFormatException("not PCM (format " + formatTag + ")");
                if (bits != 16) throw new WavFormatException("not 16-bit PCM (" + bits + " bits)");
                if (channels < 1 || channels > MAX_CHANNELS) throw new WavFormatException("bad channel count " + channels);
                if (sampleRate < 1 || sampleRate > MAX_RATE) throw new WavFormatException("bad sample rate " + sampleRate);
                if (blockAlign != 2 * channels) throw new WavFormatException("bad block align " + blockAlign);
                rate = (int) sampleRate;
                haveFmt = true;
            } else if (tag(b, pos, "data")) {
                if (!haveFmt) throw new WavFormatException("data chunk before fmt chunk");
                boolean truncated = size > available;
                long usable = Math.min(size, available);
                int frameBytes = 2 * channels;
                int len = (int) (usable - usable % frameBytes);
                return new WavAudio(rate, channels, Arrays.copyOfRange(b, body, body + len), truncated);
            }
            long next = body + size + (size & 1);
            if (next > b.length) break;
            pos = (int) next;
        }
        throw new WavFormatException(haveFmt ? "no data chunk" : "no fmt chunk");
    }

    private static boolean tag(byte[] b, int off, String t) {
        return b[off] == t.charAt(0) && b[off + 1] == t.charAt(1) && b[off + 2] == t.charAt(2) && b[off + 3] == t.charAt(3);
    }

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int off) {
        return (b[off] & 0xFFL) | (b[off + 1] & 0xFFL) << 8 | (b[off + 2] & 0xFFL) << 16 | (b[off + 3] & 0xFFL) << 24;
    }
}
