package org.telestation.station.link;

/**
 * NTP-style estimate of (server clock − station clock) from ping/pong timestamps: t0 station send, t1 server
 * receive, t2 server send, t3 station receive. offset = ((t1 − t0) + (t2 − t3)) / 2, round trip = (t3 − t0) −
 * (t2 − t1). Of the last {@value #WINDOW} samples the one with the shortest round trip wins: queueing delay is
 * what makes samples wrong, and the fastest exchange had the least of it.
 */
public final class ClockOffsetEstimator {
    static final int WINDOW = 8;

    private final long[] offsets = new long[WINDOW];
    private final long[] roundTrips = new long[WINDOW];
    private int count;
    private int next;

    /** Adds one exchange; ignores impossible ones (negative round trip: a clock stepped or a forged pong). */
    public synchronized void add(long t0, long t1, long t2, long t3) {
        long roundTrip = (t3 - t0) - (t2 - t1);
        if (roundTrip < 0 || t3 < t0 || t2 < t1) return;
        offsets[next] = Math.floorDiv((t1 - t0) + (t2 - t3), 2);
        roundTrips[next] = roundTrip;
        next = (next + 1) % WINDOW;
        count = Math.min(count + 1, WINDOW);
    }

    /** Best offset in ms, 0 before the first exchange. */
    public synchronized long offsetMs() {
        int best = bestIndex();
        return best < 0 ? 0 : offsets[best];
    }

    /** Round trip of the best sample in ms, −1 before the first exchange. */
    public synchronized long roundTripMs() {
        int best = bestIndex();
        return best < 0 ? -1 : roundTrips[best];
    }

    public synchronized boolean hasEstimate() {
        return count > 0;
    }

    private int bestIndex() {
        int best = -1;
        for (int i = 0; i < count; i++) {
            if (best < 0 || roundTrips[i] < roundTrips[best]) best = i;
        }
        return best;
    }
}
