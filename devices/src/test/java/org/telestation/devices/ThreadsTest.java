package org.telestation.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ThreadsTest {

    @Test
    void interruptsASleepingWorkerAndWaitsForItsEnd() throws InterruptedException {
        CountDownLatch sleeping = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            sleeping.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(10).toMillis());
            } catch (InterruptedException expected) {
                // the interrupt is the signal to stop
            }
        });
        worker.start();
        sleeping.await();

        Threads.interruptAndJoin(worker, Duration.ofMinutes(1));

        assertThat(worker.isAlive()).isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void anInterruptedCallerStopsWaitingAndKeepsItsInterruptStatus() throws InterruptedException {
        AtomicBoolean released = new AtomicBoolean();
        Thread stubborn = new Thread(() -> {
            while (!released.get()) {
                try {
                    Thread.sleep(Duration.ofMinutes(10).toMillis());
                } catch (InterruptedException ignored) {
                    // this worker ignores interrupts until released
                }
            }
        });
        stubborn.setDaemon(true);
        stubborn.start();
        Thread.currentThread().interrupt();

        Threads.interruptAndJoin(stubborn, Duration.ofMinutes(10));

        assertThat(Thread.interrupted()).as("caller's interrupt status kept (and cleared here)").isTrue();
        assertThat(stubborn.isAlive()).as("the caller did not wait for the worker").isTrue();
        released.set(true);
        stubborn.interrupt();
        stubborn.join();
    }

    @Test
    void nullThreadIsNothingToStop() {
        Threads.interruptAndJoin(null, Duration.ofSeconds(1));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
