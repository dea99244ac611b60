package org.telestation.server.measurements;

/**
 * The server's answer for one idempotency key.
 *
 * @param status   STORED (new), DUPLICATE (already stored: acknowledged again), REJECTED (invalid, never retry)
 * @param serverId the stored row's id (arrival order), null when rejected
 * @param error    why it was rejected, null otherwise
 */
public record ItemResult(String key, Status status, Long serverId, String error) {
    public enum Status { STORED, DUPLICATE, REJECTED }
}
