package org.telestation.devices.serial;

/**
 * What a decoder has seen so far.
 *
 * @param frames        frames that passed every check (sync, length, checksum) and were delivered
 * @param skippedBytes  bytes thrown away while looking for the next frame start (garbage, lost sync)
 * @param rejectedFrames frames that had a plausible start but failed a check (checksum, trailer, field syntax)
 */
public record DecoderStats(long frames, long skippedBytes, long rejectedFrames) {

    /** True when the stream looks like this protocol: enough good frames and clearly more good than bad ones. */
    public boolean looksLikeProtocol(int minimumFrames) {
        return frames >= minimumFrames && frames > 2 * rejectedFrames;
    }
}
