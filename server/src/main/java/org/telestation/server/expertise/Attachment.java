package org.telestation.server.expertise;

import java.time.Instant;
import java.util.UUID;

/** A file attached to a request (metadata only; the bytes are fetched separately). */
public record Attachment(UUID id, UUID requestId, Kind kind, String fileName, String contentType, int sizeBytes,
                         EcgFiles.Format ecgFormat, Eye eye, Instant createdAt, String createdBy) {

    public enum Kind { ECG, IMAGE, PDF }

    /** Which eye a retinography image shows. */
    public enum Eye { LEFT, RIGHT }
}
