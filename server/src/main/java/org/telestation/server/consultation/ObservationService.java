package org.telestation.server.consultation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telestation.server.audit.AuditLog;
import org.telestation.server.platform.ConflictException;
import org.telestation.server.platform.NotFoundException;

/**
 * Drafts → validated measurements. The station's captures arrive through its outbox as {@code station_item} rows
 * (measurements capability); the ones that arrived during a consultation at that station become PRELIMINARY
 * observations of the consultation's patient. The admitting doctor validates (FINAL) or discards (CANCELLED) each;
 * every decision is audited.
 */
@Service
public class ObservationService {
    static final String RESOURCE = "Observation";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final ConsultationService consultations;

    ObservationService(JdbcClient jdbc, Clock clock, AuditLog audit, ConsultationService consultations) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.consultations = consultations;
    }

    /** The consultation's observations (drafts first arrive here), oldest first. */
    @Transactional
    public List<Observation> list(UUID consultationId, Actor who) {
        Consultation c = consultations.view(consultationId, who);
        importCaptures(c);
        List<Observation> list = jdbc.sql("select * from observation where consultation_id = :c "
                        + "and sign <> 'UNREADABLE' order by effective_at, id")
                .param("c", consultationId).query(ObservationService::row).list();
        audit.read(RESOURCE, null, c.patientId());
        return list;
    }

    /** The validated measurements, as the report inserts them. */
    @Transactional
    public List<Observation> validated(UUID consultationId, Actor who) {
        return list(consultationId, who).stream().filter(o -> o.status() == Observation.Status.FINAL).toList();
    }

    @Transactional
    public Observation validate(UUID consultationId, UUID observationId, Actor doctor) {
        return decide(consultationId, observationId, doctor, Observation.Status.FINAL);
    }

    @Transactional
    public Observation discard(UUID consultationId, UUID observationId, Actor doctor) {
        return decide(consultationId, observationId, doctor, Observation.Status.CANCELLED);
    }

    private Observation decide(UUID consultationId, UUID observationId, Actor doctor, Observation.Status to) {
        Consultation c = consultations.view(consultationId, doctor);
        if (!doctor.username().equals(c.doctorUsername())) throw new AccessDeniedException("admitting doctor only");
        int changed = jdbc.sql("""
                update observation set status = :to, decided_by = :who, decided_at = :now
                where id = :id and consultation_id = :c and status = 'PRELIMINARY'""")
                .param("to", to.name()).param("who", doctor.username()).param("now", Timestamp.from(clock.instant()))
                .param("id", observationId).param("c", consultationId).update();
        if (changed == 0) {
            boolean exists = jdbc.sql("select count(*) from observation where id = :id and consultation_id = :c")
                    .param("id", observationId).param("c", consultationId).query(Long.class).single() > 0;
            if (!exists) throw new NotFoundException(RESOURCE, observationId);
            throw new ConflictException("consultation.error.already-decided", "observation already decided");
        }
        audit.record(AuditLog.Action.UPDATE, RESOURCE, observationId.toString(), c.patientId(),
                AuditLog.Outcome.SUCCESS, "status " + to.fhirCode());
        return jdbc.sql("select * from observation where id = :id").param("id", observationId)
                .query(ObservationService::row).single();
    }

    /**
     * Turns the station's measurement items received since check-in into drafts, once each (the unique
     * station_item_id makes a concurrent import harmless). An item whose payload cannot be read is kept as an
     * UNREADABLE cancelled row so it is not parsed again, and never shown.
     */
    void importCaptures(Consultation c) {
        if (c.stationId() == null) return;
        List<Object[]> items = jdbc.sql("""
                select i.id, i.payload, i.captured_at from station_item i
                where i.station_id = :s and i.kind = 'MEASUREMENT' and i.received_at >= :since
                  and not exists (select 1 from observation o where o.station_item_id = i.id)
                order by i.id""")
                .param("s", c.stationId()).param("since", Timestamp.from(c.checkedInAt()))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getBytes(2), rs.getTimestamp(3).toInstant()})
                .list();
        Instant now = clock.instant();
        for (Object[] item : items) {
            Draft d = parse((byte[]) item[1], (Instant) item[2]);
            jdbc.sql("""
                    insert into observation (id, consultation_id, patient_id, station_item_id, status, sign, loinc,
                        value, unit, effective_at, device, created_at)
                    values (:id, :c, :p, :item, :status, :sign, :loinc, :value, :unit, :at, :device, :now)
                    on conflict (station_item_id) do nothing""")
                    .param("id", UUID.randomUUID()).param("c", c.id()).param("p", c.patientId())
                    .param("item", item[0]).param("status", d == null ? "CANCELLED" : "PRELIMINARY")
                    .param("sign", d == null ? "UNREADABLE" : d.sign).param("loinc", d == null ? null : d.loinc)
                    .param("value", d == null ? null : d.value).param("unit", d == null ? null : d.unit)
                    .param("at", Timestamp.from(d == null ? (Instant) item[2] : d.at))
                    .param("device", d == null ? null : d.device).param("now", Timestamp.from(now)).update();
        }
    }

    record Draft(String sign, String loinc, Double value, String unit, Instant at, String device) {
    }

    /** Reads the station's measurement JSON defensively: any surprise gives null, never an exception. */
    static Draft parse(byte[] payload, Instant capturedAt) {
        try {
            JsonNode n = JSON.readTree(payload);
            if (n == null || !n.isObject() || !n.path("sign").isTextual()) return null;
            String sign = clip(n.path("sign").asText(), 40);
            Double value = n.path("value").isNumber() ? n.path("value").asDouble() : null;
            Instant at = capturedAt;
            String time = n.path("deviceTime").isTextual() ? n.path("deviceTime").asText()
                    : n.path("receiptTime").asText(null);
            if (time != null) at = Instant.parse(time);
            JsonNode dev = n.path("device");
            String device = dev.isObject() ? clip((dev.path("manufacturer").asText("") + " "
                    + dev.path("model").asText("")).strip(), 200) : null;
            return new Draft(sign, clip(n.path("loinc").asText(null), 20), value, clip(n.path("unit").asText(null), 20),
                    at, device);
        } catch (java.io.IOException | DateTimeParseException e) {
            return null;
        }
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static Observation row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        double v = rs.getDouble("value");
        Double value = rs.wasNull() ? null : v;
        return new Observation(rs.getObject("id", UUID.class), rs.getObject("consultation_id", UUID.class),
                rs.getObject("patient_id", UUID.class), Observation.Status.valueOf(rs.getString("status")),
                rs.getString("sign"), rs.getString("loinc"), value, rs.getString("unit"),
                rs.getTimestamp("effective_at").toInstant(), rs.getString("device"), rs.getString("decided_by"),
                ConsultationService.instant(rs, "decided_at"));
    }
}
