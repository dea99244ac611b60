package org.telestation.devices.serial;

/**
 * A streaming decoder of one serial protocol. The transport hands it byte chunks exactly as the port delivered them:
 * a chunk may hold half a frame, several frames, or garbage. Implementations resynchronise by themselves and never
 * throw on any input.
 */
public interface StreamDecoder {

    /** Feeds {@code length} bytes of {@code chunk} starting at {@code offset}. Never throws on hostile content. */
    void accept(byte[] chunk, int offset, int length);

    /** Counters since creation, for diagnostics and for the protocol prober. */
    DecoderStats stats();

    /** Drops any partial frame, e.g. after the port was reopened. */
    void reset();
}
