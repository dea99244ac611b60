package org.telestation.server.directory;

import java.time.Instant;
import java.util.UUID;

/** A cart or briefcase running the station agent (FHIR Device). Its credential never leaves the service. */
public record Station(UUID id, String code, String name, Kind kind, UUID siteId, boolean enrolled,
                      Instant enrolmentExpiresAt, Instant enrolledAt, Instant lastSeenAt, boolean active) {

    public enum Kind { CART, BRIEFCASE }

    /** Input for creating a station. */
    public record Draft(String code, String name, Kind kind, UUID siteId) {}

    /** A station just created or re-issued, with its one-time enrolment code: shown once, stored hashed. */
    public record WithEnrolmentCode(Station station, String enrolmentCode) {}

    /** The long-lived secret the agent received, shown once: {@code Authorization: Bearer <code>:<secret>}. */
    public record Credential(String stationCode, String secret) {
        public String bearer() {
            return stationCode + ":" + secret;
        }
    }
}
