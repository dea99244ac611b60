package org.telestation.station.media;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread that moves media from a blocking device read into WebRTC while at least one viewer is connected, and
 * idles otherwise (a cart runs on battery: no rendering or encoding for nobody).
 */
final class MediaPump implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MediaPump.class);

    /** One blocking read-and-push step; returns false when the device has ended. */
    interface Step {
        boolean run() throws IOException;
    }

    private final String name;
    private final Step step;
    private final Runnable onDeviceLost;
    private final Thread thread;
    private boolean active;
    private volatile boolean closed;
    private volatile String failure;

    MediaPump(String name, Step step, Runnable onDeviceLost) {
        this.name = name;
        this.step = step;
        this.onDeviceLost = onDeviceLost;
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void setActive(boolean active) {
        this.active = active;
        notifyAll();
    }

    /** Why the pump stopped, or null while it runs. */
    String failure() {
        return failure;
    }

    private void loop() {
        try {
            while (!closed) {
                synchronized (this) {
                    while (!active && !closed) wait();
                }
                if (closed) return;
                if (!step.run()) {
                    failure = name + ": the device ended";
                    onDeviceLost.run();
                    return;
                }
            }
        } catch (InterruptedException | java.io.InterruptedIOException e) {
            // closing
        } catch (IOException | RuntimeException e) {
            failure = name + ": " + e.getMessage();
            log.warn("{} stopped: {}", name, e.toString());
            onDeviceLost.run();
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            notifyAll();
        }
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
