package org.telestation.station.outbox;

/**
 * The outbox refused a new item because it holds its maximum of pending items or the disk is nearly full.
 * Nothing already stored is touched; the nurse's screen shows the alarm.
 */
public class OutboxFullException extends Exception {
    public enum Reason { OUTBOX_FULL, DISK_FULL }

    private final Reason reason;

    public OutboxFullException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
