package org.telestation.server.consultation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telestation.server.audit.AuditLog;
import org.telestation.server.platform.ConflictException;

/**
 * The doctor asks for a measurement (FHIR ServiceRequest): stored, then sent to the station over its live link as
 * {@code {"type":"measurement-request","id":…,"kind":…}} so the nurse's screen shows it. The capture comes back
 * through the outbox and becomes a draft ({@link ObservationService}).
 */
@Service
public class MeasurementRequestService {
    public enum Kind { BLOOD_PRESSURE, SPO2, TEMPERATURE, ECG_12_LEAD, SNAPSHOT, STETHOSCOPE }

    /** @param delivered whether the station was online and took the message */
    public record Request(UUID id, Kind kind, Instant requestedAt, boolean delivered) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final ConsultationService consultations;
    private final StationCommands stations;

    MeasurementRequestService(JdbcClient jdbc, Clock clock, AuditLog audit, ConsultationService consultations,
                              StationCommands stations) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.consultations = consultations;
        this.stations = stations;
    }

    @Transactional
    public Request request(UUID consultationId, Kind kind, Actor doctor) {
        Consultation c = consultations.view(consultationId, doctor);
        if (!doctor.username().equals(c.doctorUsername())) throw new AccessDeniedException("admitting doctor only");
        if (kind == null) throw org.telestation.server.platform.ValidationException.of("kind",
                "consultation.error.request-kind");
        if (!c.status().live() || c.stationId() == null) {
            throw new ConflictException("consultation.error.not-live", "no live station");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        boolean delivered = stations.send(c.stationId(), JSON.createObjectNode().put("type", "measurement-request")
                .put("id", id.toString()).put("consultation", consultationId.toString()).put("kind", kind.name())
                .put("requestedAt", now.toEpochMilli()).toString());
        jdbc.sql("""
                insert into measurement_request (id, consultation_id, kind, requested_by, requested_at, delivered)
                values (:id, :c, :kind, :by, :at, :delivered)""")
                .param("id", id).param("c", consultationId).param("kind", kind.name())
                .param("by", doctor.username()).param("at", Timestamp.from(now)).param("delivered", delivered)
                .update();
        audit.record(AuditLog.Action.CREATE, "ServiceRequest", id.toString(), c.patientId(),
                AuditLog.Outcome.SUCCESS, kind.name());
        return new Request(id, kind, now, delivered);
    }

    public java.util.List<Request> list(UUID consultationId) {
        return jdbc.sql("select * from measurement_request where consultation_id = :c order by requested_at")
                .param("c", consultationId)
                .query((rs, n) -> new Request(rs.getObject("id", UUID.class), Kind.valueOf(rs.getString("kind")),
                        rs.getTimestamp("requested_at").toInstant(), rs.getBoolean("delivered")))
                .list();
    }
}
