package org.telestation.devices.retinograph;

/**
 * What one pass of the importer did with one file (for the nurse's screen and for tests).
 *
 * @param fileName the file's name in the inbox
 * @param kind     what happened
 * @param detail   why (quarantine reason, deferral reason), or the content hash when imported or duplicate
 */
public record ImportOutcome(String fileName, Kind kind, String detail) {
    public enum Kind {
        /** Handed to the listener and moved to the processed folder. */
        IMPORTED,
        /** Same bytes as an image imported before: moved to the duplicates folder, not handed over again. */
        DUPLICATE,
        /** Not a usable image: moved to quarantine with a reason file beside it. */
        QUARANTINED,
        /** Left in the inbox for now: still being written, or the listener refused it; retried later. */
        DEFERRED
    }
}
