package org.telestation.server.testsupport;

import java.util.List;
import org.telestation.server.consultation.LiveFrame;
import org.telestation.station.link.LiveBatch;
import org.telestation.station.link.LiveFrameCodec;

/** Decodes the sample frames a {@code LiveBus} subscriber received, as a viewer would. */
public final class LiveFrames {
    private LiveFrames() {
    }

    /** Every entry of every sample frame, in arrival order; a malformed frame fails the test. */
    public static List<LiveBatch.Entry> decoded(List<LiveFrame> frames) {
        return frames.stream().filter(f -> f.kind() == LiveFrame.Kind.SAMPLES).flatMap(f -> {
            try {
                return LiveFrameCodec.decode(f.payload()).entries().stream();
            } catch (Exception e) {
                throw new AssertionError("the server forwarded a malformed frame", e);
            }
        }).toList();
    }
}
