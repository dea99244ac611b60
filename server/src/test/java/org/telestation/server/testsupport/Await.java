package org.telestation.server.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition in integration tests; fails with a message saying what did not happen. */
public final class Await {
    private Await() {
    }

    public static void until(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + timeout + ": " + what);
            Thread.sleep(50);
        }
    }
}
