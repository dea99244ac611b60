package org.telestation.station.outbox;

/**
 * The outbox refused a new item whose payload is larger than its maximum ({@code telestation.outbox.max-item-bytes}):
 * the server would never accept it, and stored it would only fail on every upload. Nothing is stored; the nurse's
 * screen says so. Unlike {@link OutboxFullException}, trying again does not help.
 */
public class OutboxItemTooLargeException extends Exception {
    private final long size;
    private final long max;

    public OutboxItemTooLargeException(long size, long max) {
        super("item of " + size + " bytes refused: the outbox takes at most " + max + " bytes per item");
        this.size = size;
        this.max = max;
    }

    /** The refused payload's size in bytes. */
    public long size() {
        return size;
    }

    /** The outbox's maximum payload size in bytes. */
    public long max() {
        return max;
    }
}
