package org.telestation.station.link;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: the n-th retry waits a uniform random time in [base·2ⁿ/2, base·2ⁿ],
 * capped, so tens of stations cut by the same outage do not all reconnect in the same millisecond.
 */
public final class Backoff {
    private final long baseMs;
    private final long maxMs;
    private final RandomGenerator random;
    private int failures;

    public Backoff(Duration base, Duration max, RandomGenerator random) {
        this.baseMs = Math.max(1, base.toMillis());
        this.maxMs = Math.max(baseMs, max.toMillis());
        this.random = random;
    }

    /** Records a failure and returns how long to wait before the next try. */
    public synchronized Duration nextDelay() {
        long ceiling = Math.min(maxMs, baseMs << Math.min(failures, 30));
        failures++;
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + random.nextLong(ceiling - floor + 1));
    }

    public synchronized void reset() {
        failures = 0;
    }

    public synchronized int failures() {
        return failures;
    }
}
