package org.telestation.server.measurements;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/station/outbox}: a station uploads a batch of outbox items and gets one result per idempotency
 * key (docs/wire-protocol.md §4).
 */
@RestController
class StationOutboxController {
    /** A batch is at most 500 items; with images it can be large, but not without bound. */
    static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

    record Batch(List<IncomingItem> items) {
    }

    record Results(List<ItemResult> results) {
    }

    private final StationItemService items;
    private final StationRefs stations;

    StationOutboxController(StationItemService items, StationRefs stations) {
        this.items = items;
        this.stations = stations;
    }

    @PostMapping(path = "/api/station/outbox", consumes = "application/json")
    @PreAuthorize("hasRole('STATION')")
    ResponseEntity<?> upload(@RequestBody Batch batch, Authentication auth, HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "batch larger than 64 MB");
        }
        var station = stations.of(auth);
        if (station.isEmpty()) return problem(HttpStatus.FORBIDDEN, "unknown or inactive station");
        if (batch == null || batch.items() == null) return problem(HttpStatus.BAD_REQUEST, "items is missing");
        if (batch.items().size() > StationItemService.MAX_BATCH_ITEMS) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE,
                    "at most " + StationItemService.MAX_BATCH_ITEMS + " items per batch");
        }
        return ResponseEntity.ok(new Results(items.ingest(station.get(), batch.items())));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        return ResponseEntity.status(status).body(p);
    }
}
