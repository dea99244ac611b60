package org.telestation.server.consultation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.telestation.server.measurements.StationRefs;

/** {@code POST /api/station/emergency}: the nurse pressed the emergency button on the station's screen. */
@RestController
class StationEmergencyController {
    private final EmergencyService emergencies;
    private final StationRefs stations;

    StationEmergencyController(EmergencyService emergencies, StationRefs stations) {
        this.emergencies = emergencies;
        this.stations = stations;
    }

    @PostMapping("/api/station/emergency")
    @PreAuthorize("hasRole('STATION')")
    ResponseEntity<?> emergency(Authentication auth) {
        var station = stations.of(auth);
        if (station.isEmpty()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "unknown or inactive station"));
        }
        return ResponseEntity.ok(emergencies.raise(station.get()));
    }
}
