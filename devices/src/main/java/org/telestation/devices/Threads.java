package org.telestation.devices;

import java.time.Duration;

/** Small helpers for the worker threads of transports and agents. */
public final class Threads {
    private Threads() {}

    /**
     * Interrupts {@code thread} and waits up to {@code grace} for it to end (a worker blocked in I/O or a sleep
     * ends on the interrupt). Does nothing for {@code null}. If the caller is itself interrupted while waiting, it
     * stops waiting and keeps its interrupt status, so its own shutdown goes on.
     */
    public static void interruptAndJoin(Thread thread, Duration grace) {
        if (thread == null) return;
        thread.interrupt();
        try {
            thread.join(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
