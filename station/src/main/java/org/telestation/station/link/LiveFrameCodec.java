package org.telestation.station.link;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary live frame (docs/wire-protocol.md §3): big-endian, an 18-byte header then the entries.
 *
 * <pre>
 * 'T' 'L' | version=1 u8 | type=1 u8 | stationTimeMs i64 | clockOffsetMs i32 | entryCount u16
 * entry: tag u8 (1 waveform, 2 spot) | deviceId str8
 *   waveform: channel str8 | rate f32 | startTimeMs i64 | scale f32 | offset f32 | unit str8 | n u16 | n × i16
 *   spot:     sign str8 | value f64 | deviceTimeMs i64 | receiptTimeMs i64 | flags u32
 * str8 = length u8 + UTF-8 bytes
 * </pre>
 *
 * Decoding checks every length against the bytes actually present before allocating, so a lying count costs
 * nothing, and reports any violation as {@link MalformedFrameException} only.
 */
public final class LiveFrameCodec {
    public static final byte MAGIC_0 = 'T';
    public static final byte MAGIC_1 = 'L';
    public static final byte VERSION = 1;
    public static final byte TYPE_SAMPLES = 1;
    static final byte TAG_WAVEFORM = 1;
    static final byte TAG_SPOT = 2;
    public static final int HEADER_BYTES = 18;
    /** Upper bound of a frame, also the WebSocket message limit on the server. */
    public static final int MAX_FRAME_BYTES = 256 * 1024;

    private LiveFrameCodec() {
    }

    public static byte[] encode(LiveBatch batch) {
        if (batch.entries().size() > 0xFFFF) throw new IllegalArgumentException("too many entries");
        int size = HEADER_BYTES;
        for (LiveBatch.Entry e : batch.entries()) size += entrySize(e);
        if (size > MAX_FRAME_BYTES) throw new IllegalArgumentException("frame too large: " + size);
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(MAGIC_0).put(MAGIC_1).put(VERSION).put(TYPE_SAMPLES);
        b.putLong(batch.stationTimeMs()).putInt(batch.clockOffsetMs()).putShort((short) batch.entries().size());
        for (LiveBatch.Entry e : batch.entries()) {
            if (e instanceof LiveBatch.Waveform w) {
                if (w.samples().length > 0xFFFF) throw new IllegalArgumentException("too many samples");
                b.put(TAG_WAVEFORM);
                putString(b, w.deviceId());
                putString(b, w.channel());
                b.putFloat(w.sampleRateHz()).putLong(w.startTimeMs()).putFloat(w.scale()).putFloat(w.offset());
                putString(b, w.unit());
                b.putShort((short) w.samples().length);
                for (short s : w.samples()) b.putShort(s);
            } else if (e instanceof LiveBatch.Spot s) {
                b.put(TAG_SPOT);
                putString(b, s.deviceId());
                putString(b, s.sign());
                b.putDouble(s.value()).putLong(s.deviceTimeMs()).putLong(s.receiptTimeMs()).putInt(s.flags());
            }
        }
        return b.array();
    }

    public static LiveBatch decode(byte[] frame) throws MalformedFrameException {
        if (frame == null || frame.length < HEADER_BYTES) throw new MalformedFrameException("short frame");
        if (frame.length > MAX_FRAME_BYTES) throw new MalformedFrameException("frame too large");
        ByteBuffer b = ByteBuffer.wrap(frame);
        if (b.get() != MAGIC_0 || b.get() != MAGIC_1) throw new MalformedFrameException("bad magic");
        if (b.get() != VERSION) throw new MalformedFrameException("unknown version");
        if (b.get() != TYPE_SAMPLES) throw new MalformedFrameException("unknown frame type");
        try {
            long stationTime = b.getLong();
            int offset = b.getInt();
            int count = Short.toUnsignedInt(b.getShort());
            // Every entry takes at least 2 bytes: a count larger than the rest of the frame is a lie.
            if (count * 2L > b.remaining()) throw new MalformedFrameException("entry count exceeds frame");
            List<LiveBatch.Entry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte tag = b.get();
                String deviceId = getString(b);
                if (tag == TAG_WAVEFORM) {
                    String channel = getString(b);
                    float rate = b.getFloat();
                    long start = b.getLong();
                    float scale = b.getFloat();
                    float off = b.getFloat();
                    String unit = getString(b);
                    int n = Short.toUnsignedInt(b.getShort());
                    if (n * 2L > b.remaining()) throw new MalformedFrameException("sample count exceeds frame");
                    if (!(rate > 0) || Float.isInfinite(rate)) throw new MalformedFrameException("bad sample rate");
                    short[] samples = new short[n];
                    b.asShortBuffer().get(samples);
                    b.position(b.position() + 2 * n);
                    entries.add(new LiveBatch.Waveform(deviceId, channel, rate, start, scale, off, unit, samples));
                } else if (tag == TAG_SPOT) {
                    String sign = getString(b);
                    entries.add(new LiveBatch.Spot(deviceId, sign, b.getDouble(), b.getLong(), b.getLong(),
                            b.getInt()));
                } else {
                    throw new MalformedFrameException("unknown entry tag " + tag);
                }
            }
            if (b.hasRemaining()) throw new MalformedFrameException("trailing bytes");
            return new LiveBatch(stationTime, offset, entries);
        } catch (BufferUnderflowException e) {
            throw new MalformedFrameException("truncated frame");
        }
    }

    private static int entrySize(LiveBatch.Entry e) {
        int size = 1 + strSize(e.deviceId());
        if (e instanceof LiveBatch.Waveform w) {
            size += strSize(w.channel()) + 4 + 8 + 4 + 4 + strSize(w.unit()) + 2 + 2 * w.samples().length;
        } else if (e instanceof LiveBatch.Spot s) {
            size += strSize(s.sign()) + 8 + 8 + 8 + 4;
        }
        return size;
    }

    private static int strSize(String s) {
        int n = s.getBytes(StandardCharsets.UTF_8).length;
        if (n > 255) throw new IllegalArgumentException("string longer than 255 bytes");
        return 1 + n;
    }

    private static void putString(ByteBuffer b, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        b.put((byte) bytes.length).put(bytes);
    }

    private static String getString(ByteBuffer b) throws MalformedFrameException {
        int n = Byte.toUnsignedInt(b.get());
        if (n > b.remaining()) throw new MalformedFrameException("string exceeds frame");
        byte[] bytes = new byte[n];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
