package org.telestation.devices.serial;

/**
 * The resynchronising engine shared by the frame decoders: it keeps a bounded buffer of pending bytes and asks the
 * subclass, position by position, whether a whole valid frame starts there. Bytes that cannot start a frame are
 * skipped one at a time, so a decoder finds the next good frame after any amount of garbage, and a lying length
 * field can never make it allocate more than {@link #maxFrameLength()}.
 */
public abstract class FrameScanner implements StreamDecoder {

    /** {@link #tryFrame} result: a frame may start here but its end has not arrived yet. */
    protected static final int NEED_MORE = 0;
    /** {@link #tryFrame} result: no valid frame starts here (the position is skipped). */
    protected static final int NOT_A_FRAME = -1;
    /** {@link #tryFrame} result: a frame starts here but failed its checksum/trailer (the position is skipped). */
    protected static final int BAD_FRAME = -2;
    private static final int REJECT_BASE = -3;

    private final byte[] pending;
    private int start;
    private int end;
    private long frames;
    private long skippedBytes;
    private long rejectedFrames;

    protected FrameScanner() {
        pending = new byte[Math.max(64, 2 * maxFrameLength())];
    }

    /** The longest frame this protocol can produce; bounds the buffer. */
    protected abstract int maxFrameLength();

    /**
     * Looks for a complete, valid frame starting at {@code buffer[position]} with {@code available} bytes readable.
     * On success handles the frame (emits it) and returns its length; otherwise one of {@link #NEED_MORE},
     * {@link #NOT_A_FRAME}, {@link #BAD_FRAME}. Must not read beyond {@code position + available}.
     */
    protected abstract int tryFrame(byte[] buffer, int position, int available);

    /**
     * {@link #tryFrame} result for a delimited frame (e.g. a text line) that is complete but invalid: all its
     * {@code length} bytes are skipped at once rather than rescanned byte by byte.
     */
    protected static int rejectWhole(int length) {
        return REJECT_BASE - Math.max(1, length);
    }

    /** Called when bytes had to be skipped: protocols that count frames inside a packet lose their place. */
    protected void onSyncLost() {
    }

    @Override
    public final void accept(byte[] chunk, int offset, int length) {
        if (chunk == null || offset < 0 || length <= 0 || offset > chunk.length - length) {
            return;
        }
        int consumed = 0;
        while (consumed < length) {
            int room = pending.length - end;
            if (room == 0) {
                compact();
                room = pending.length - end;
            }
            int n = Math.min(room, length - consumed);
            System.arraycopy(chunk, offset + consumed, pending, end, n);
            end += n;
            consumed += n;
            scan();
        }
    }

    private void scan() {
        while (start < end) {
            int result;
            try {
                result = tryFrame(pending, start, end - start);
            } catch (RuntimeException unexpected) {
                // A decoder bug must not kill the reader thread: treat the position as not a frame.
                result = NOT_A_FRAME;
            }
            if (result > 0) {
                start += Math.min(result, end - start);
                frames++;
            } else if (result == NEED_MORE) {
                if (end - start >= maxFrameLength()) {
                    skip(); // cannot be a frame: longer than any frame and still incomplete
                } else {
                    break;
                }
            } else if (result <= REJECT_BASE) {
                rejectedFrames++;
                int n = Math.min(REJECT_BASE - result, end - start);
                start += n;
                skippedBytes += n;
                onSyncLost();
            } else {
                if (result == BAD_FRAME) {
                    rejectedFrames++;
                }
                skip();
            }
        }
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    private void skip() {
        start++;
        skippedBytes++;
        onSyncLost();
    }

    private void compact() {
        System.arraycopy(pending, start, pending, 0, end - start);
        end -= start;
        start = 0;
    }

    @Override
    public DecoderStats stats() {
        return new DecoderStats(frames, skippedBytes, rejectedFrames);
    }

    @Override
    public void reset() {
        start = 0;
        end = 0;
        onSyncLost();
    }

    /**
     * Shape check for the protocols that mark only the first byte of a frame with bit 7 (Nonin DF8, legacy Contec):
     * returns {@code length} when the {@code length - 1} bytes after {@code p} all have bit 7 clear,
     * {@link #NEED_MORE} while they do so far, and {@code whenTruncated} when a byte with bit 7 set (the start of
     * the next frame) comes too early. The caller checks the first byte itself.
     */
    protected static int sevenBitTail(byte[] buffer, int p, int available, int length, int whenTruncated) {
        for (int i = 1; i < Math.min(length, available); i++) {
            if ((buffer[p + i] & 0x80) != 0) {
                return whenTruncated;
            }
        }
        return available < length ? NEED_MORE : length;
    }

    /** Unsigned byte at {@code buffer[index]}. */
    protected static int u8(byte[] buffer, int index) {
        return buffer[index] & 0xFF;
    }

    /** Low 8 bits of the sum of {@code count} bytes from {@code from}: the checksum Nonin uses. */
    protected static int sum8(byte[] buffer, int from, int count) {
        int sum = 0;
        for (int i = from; i < from + count; i++) {
            sum += buffer[i] & 0xFF;
        }
        return sum & 0xFF;
    }
}
