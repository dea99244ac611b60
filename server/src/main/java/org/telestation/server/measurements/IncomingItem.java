package org.telestation.server.measurements;

/**
 * One outbox item as a station uploads it (docs/wire-protocol.md §4). Fields are raw strings so that one bad item
 * is refused on its own instead of failing the whole batch.
 *
 * @param payload base64 of the item's bytes
 */
public record IncomingItem(String key, String stream, Long streamSeq, String kind, String contentType,
                           String capturedAt, String payload) {
}
