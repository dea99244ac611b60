package org.telestation.server.measurements;

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
    ResponseEntity<?> upload(@RequestBody Batch batch, Authentication auth) {
        // The body's size is bounded before it is read, by platform.ApiBodySizeFilter
        // (telestation.api.max-station-batch-bytes, 64 MiB): checking it here would come after parsing it.
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
