package org.telestation.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.telestation.server.directory.Station;
import org.telestation.server.directory.StationService;

/** The station agent's own endpoints: enrolment (open), who am I, and secret rotation (role STATION). */
@RestController
@RequestMapping("/api/station")
class StationApiController {

    private final StationService stations;
    private final LoginThrottle throttle;

    StationApiController(StationService stations, LoginThrottle throttle) {
        this.stations = stations;
        this.throttle = throttle;
    }

    record EnrolmentRequest(String stationCode, String enrolmentCode) {}

    record CredentialResponse(String stationCode, String secret, String authorization) {
        static CredentialResponse of(Station.Credential c) {
            return new CredentialResponse(c.stationCode(), c.secret(), "Bearer " + c.bearer());
        }
    }

    record StationView(UUID id, String code, String name, Station.Kind kind, UUID siteId) {}

    /** Exchanges the one-time enrolment code for the long-lived secret, shown only in this answer. */
    @PostMapping("/enrol")
    ResponseEntity<?> enrol(@RequestBody EnrolmentRequest request, HttpServletRequest http) {
        if (request.stationCode() == null || request.stationCode().isBlank() || request.enrolmentCode() == null
                || request.enrolmentCode().isBlank()) {
            throw org.telestation.server.platform.ValidationException.of("enrolmentCode", "validation.required");
        }
        String address = http.getRemoteAddr();
        if (throttle.isBlocked(address)) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS);
        }
        return stations.enrol(request.stationCode(), request.enrolmentCode())
                .<ResponseEntity<?>>map(c -> ResponseEntity.ok(CredentialResponse.of(c)))
                .orElseGet(() -> {
                    throttle.recordAddressFailure(address);
                    throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
                });
    }

    @GetMapping("/me")
    @PreAuthorize("hasRole('STATION')")
    StationView me(@AuthenticationPrincipal StationPrincipal principal) {
        Station s = stations.get(principal.stationId());
        return new StationView(s.id(), s.code(), s.name(), s.kind(), s.siteId());
    }

    /** Issues a new secret and invalidates the one used for this request. */
    @PostMapping("/rotate")
    @PreAuthorize("hasRole('STATION')")
    CredentialResponse rotate(@AuthenticationPrincipal StationPrincipal principal) {
        return CredentialResponse.of(stations.rotate(principal.stationId()));
    }

}
