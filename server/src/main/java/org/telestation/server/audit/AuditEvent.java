package org.telestation.server.audit;

import java.time.Instant;
import java.util.UUID;

/** One audit trace as stored (FHIR AuditEvent in spirit). */
public record AuditEvent(long id, Instant occurredAt, String actor, String actorRole, AuditLog.Action action,
                         String resourceType, String resourceId, UUID patientId, AuditLog.Outcome outcome,
                         String sourceIp, String detail) {

    /** Search criteria; every field is optional. {@code to} is exclusive. */
    public record Query(UUID patientId, String actor, Instant from, Instant to, AuditLog.Action action) {}
}
