package org.telestation.station.outbox;

/** Life of an outbox item. Only QUEUED and SENDING items are pending; the others are final. */
public enum OutboxState {
    /** Stored, waiting for its turn (or for the next retry after a failed attempt). */
    QUEUED,
    /** Part of a batch on the wire. Reset to QUEUED at start-up: the agent may have died mid-send. */
    SENDING,
    /** The server stored it (or already had it): never sent again. */
    ACKNOWLEDGED,
    /** The server refused it as invalid: kept for the nurse to see, never retried. */
    FAILED
}
