package org.telestation.devices.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.telestation.devices.model.AudioChunk;

/**
 * Writes RIFF/WAVE PCM16 files: whole clips in one call, or a recording streamed to disk with the sizes patched
 * on {@link #close()} (so a crash leaves a file {@link WavReader} still reads, marked truncated).
 */
public final class WavWriter implements AutoCloseable {
    static final int HEADER_BYTES = 44;
    /** RIFF sizes are 32-bit: a data chunk may hold at most this many bytes. */
    static final long MAX_DATA_BYTES = 0xFFFFFFFFL - 36;

    private final FileChannel channel;
    private long dataBytes;

    private WavWriter(FileChannel channel) {
        this.channel = channel;
    }

    /** A whole clip as WAV bytes. */
    public static byte[] toBytes(int sampleRateHz, int channels, byte[] pcm16le) {
        ByteBuffer buf = ByteBuffer.allocate(HEADER_BYTES + pcm16le.length).order(ByteOrder.LITTLE_ENDIAN);
        header(buf, sampleRateHz, channels, pcm16le.length);
        buf.put(pcm16le);
        return buf.array();
    }

    public static void write(OutputStream out, AudioChunk chunk) throws IOException {
        out.write(toBytes(chunk.sampleRateHz(), chunk.channels(), chunk.pcm16le()));
    }

    /** Starts a streamed recording; the header claims "unknown length" until close. */
    public static WavWriter open(Path file, int sampleRateHz, int channels) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header(h, sampleRateHz, channels, MAX_DATA_BYTES);
        h.flip();
        while (h.hasRemaining()) ch.write(h);
        return new WavWriter(ch);
    }

    public void append(byte[] pcm16le) throws IOException {
        if (dataBytes + pcm16le.length > MAX_DATA_BYTES) throw new IOException("WAV data would exceed 4 GiB");
        ByteBuffer b = ByteBuffer.wrap(pcm16le);
        while (b.hasRemaining()) channel.write(b);
        dataBytes += pcm16le.length;
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            ByteBuffer size = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            size.putInt(0, (int) (36 + dataBytes));
            channel.write(size, 4);
            size.putInt(0, (int) dataBytes);
            channel.write(size.rewind(), 40);
        }
    }

    private static void header(ByteBuffer buf, int rate, int channels, long dataLen) {
        buf.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (36 + dataLen))
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) channels).putInt(rate).putInt(rate * channels * 2)
                .putShort((short) (channels * 2)).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) dataLen);
    }
}
