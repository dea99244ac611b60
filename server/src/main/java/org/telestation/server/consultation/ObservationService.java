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
    private static final String SELECT = "select o.*, m.* from observation o "
            + "left join observation_media m on m.observation_id = o.id";
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
        List<Observation> list = jdbc.sql(SELECT + " where o.consultation_id = :c "
                        + "and o.sign is distinct from 'UNREADABLE' order by o.effective_at, o.id")
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
        String kind = jdbc.sql("select kind from observation where id = :id").param("id", observationId)
                .query(String.class).single();
        audit.record(AuditLog.Action.UPDATE, Observation.Kind.valueOf(kind).fhirResource(), observationId.toString(),
                c.patientId(), AuditLog.Outcome.SUCCESS, "status " + to.fhirCode());
        return jdbc.sql(SELECT + " where o.id = :id").param("id", observationId)
                .query(ObservationService::row).single();
    }

    /** The bytes of a non-scalar draft, as its page shows them. */
    public record Content(String contentType, byte[] bytes) {
    }

    /**
     * A still (as the station took it), a stethoscope clip (a canonical WAV made from its PCM) or an ECG (its DICOM
     * file), for the consultation's participants only; every read is audited.
     */
    @Transactional
    public Content content(UUID consultationId, UUID observationId, Actor who) {
        Consultation c = consultations.view(consultationId, who);
        Object[] row = media(consultationId, observationId);
        Observation.Kind kind = (Observation.Kind) row[0];
        byte[] bytes = kind == Observation.Kind.AUDIO ? MediaDrafts.servedWav((byte[]) row[2]) : (byte[]) row[2];
        if (bytes == null) throw new NotFoundException(RESOURCE, observationId);
        audit.read(kind.fhirResource(), observationId.toString(), c.patientId());
        return new Content((String) row[1], bytes);
    }

    /** What the ECG viewer draws: the 12 leads in µV, the sample rate and the measurements; audited. */
    @Transactional
    public org.telestation.server.expertise.EcgFiles.View ecg(UUID consultationId, UUID observationId, Actor who) {
        Consultation c = consultations.view(consultationId, who);
        Object[] row = media(consultationId, observationId);
        var view = row[0] == Observation.Kind.ECG ? MediaDrafts.ecgView((byte[]) row[2]) : null;
        if (view == null) throw new NotFoundException(RESOURCE, observationId);
        audit.read(RESOURCE, observationId.toString(), c.patientId());
        return view;
    }

    /** Kind, served content type and the station item's payload of a readable non-scalar draft of this consultation. */
    private Object[] media(UUID consultationId, UUID observationId) {
        return jdbc.sql("""
                select o.kind, m.content_type, i.payload from observation o
                join observation_media m on m.observation_id = o.id
                join station_item i on i.id = o.station_item_id
                where o.id = :id and o.consultation_id = :c""")
                .param("id", observationId).param("c", consultationId)
                .query((rs, n) -> new Object[] {Observation.Kind.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getBytes(3)})
                .optional().orElseThrow(() -> new NotFoundException(RESOURCE, observationId));
    }

    /**
     * Turns the station's items received since check-in into drafts, once each (the unique station_item_id makes a
     * concurrent import harmless): measurements as scalar observations, ECG recordings, stills and stethoscope clips
     * with their {@code observation_media} facts. An item whose payload cannot be read is kept as an UNREADABLE
     * cancelled row so it is not parsed again, and never shown.
     */
    void importCaptures(Consultation c) {
        if (c.stationId() == null) return;
        List<Long> ids = jdbc.sql("""
                select i.id from station_item i
                where i.station_id = :s and i.received_at >= :since
                  and not exists (select 1 from observation o where o.station_item_id = i.id)
                order by i.id""")
                .param("s", c.stationId()).param("since", Timestamp.from(c.checkedInAt()))
                .query(Long.class).list();
        Instant now = clock.instant();
        for (long id : ids) {
            // One payload in memory at a time: an ECG or a still can weigh megabytes.
            Item item = jdbc.sql("select kind, content_type, stream, captured_at, payload from station_item where id = :id")
                    .param("id", id).query((rs, n) -> new Item(Observation.Kind.valueOf(rs.getString(1)),
                            rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getBytes(5)))
                    .single();
            if (item.kind == Observation.Kind.MEASUREMENT) {
                Draft d = parse(item.payload, item.capturedAt);
                insert(c, id, item.kind, d == null ? null : d.sign, d == null ? null : d.loinc,
                        d == null ? null : d.value, d == null ? null : d.unit, d == null ? item.capturedAt : d.at,
                        d == null ? null : d.device, d != null, now);
                continue;
            }
            MediaDrafts.Parsed p = MediaDrafts.parse(item.kind, item.payload, item.contentType, item.capturedAt);
            UUID observation = insert(c, id, item.kind, null,
                    item.kind == Observation.Kind.ECG ? Observation.ECG_LOINC : null, null, null,
                    p == null ? item.capturedAt : p.effectiveAt(),
                    p == null ? null : p.device() != null ? p.device() : MediaDrafts.clip(item.stream, 200),
                    p != null, now);
            if (p == null || observation == null) continue;
            Observation.Media m = p.media();
            jdbc.sql("""
                    insert into observation_media (observation_id, content_type, size_bytes, width, height,
                        duration_ms, sample_rate_hz, channels, body_site, heart_rate_bpm, pr_ms, qrs_ms, qt_ms, qtc_ms)
                    values (:id, :type, :size, :w, :h, :dur, :rate, :ch, :site, :hr, :pr, :qrs, :qt, :qtc)""")
                    .param("id", observation).param("type", m.contentType()).param("size", m.sizeBytes())
                    .param("w", m.width()).param("h", m.height()).param("dur", m.durationMs())
                    .param("rate", m.sampleRateHz()).param("ch", m.channels()).param("site", m.bodySite())
                    .param("hr", m.heartRateBpm()).param("pr", m.prMs()).param("qrs", m.qrsMs()).param("qt", m.qtMs())
                    .param("qtc", m.qtcMs()).update();
        }
    }

    private record Item(Observation.Kind kind, String contentType, String stream, Instant capturedAt,
                        byte[] payload) {
    }

    /** @return the new row's id, or null when another import took this item first */
    private UUID insert(Consultation c, long item, Observation.Kind kind, String sign, String loinc, Double value,
                        String unit, Instant at, String device, boolean readable, Instant now) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                insert into observation (id, consultation_id, patient_id, station_item_id, kind, status, sign, loinc,
                    value, unit, effective_at, device, created_at)
                values (:id, :c, :p, :item, :kind, :status, :sign, :loinc, :value, :unit, :at, :device, :now)
                on conflict (station_item_id) do nothing""")
                .param("id", id).param("c", c.id()).param("p", c.patientId()).param("item", item)
                .param("kind", kind.name()).param("status", readable ? "PRELIMINARY" : "CANCELLED")
                .param("sign", readable ? sign : "UNREADABLE").param("loinc", readable ? loinc : null)
                .param("value", value).param("unit", unit).param("at", Timestamp.from(at))
                .param("device", device).param("now", Timestamp.from(now)).update();
        return inserted == 1 ? id : null;
    }

    record Draft(String sign, String loinc, Double value, String unit, Instant at, String device) {
    }

    /** Reads the station's measurement JSON defensively: any surprise gives null, never an exception. */
    static Draft parse(byte[] payload, Instant capturedAt) {
        try {
            JsonNode n = JSON.readTree(payload);
            if (n == null || !n.isObject() || !n.path("sign").isTextual()) return null;
            String sign = MediaDrafts.clip(n.path("sign").asText(), 40);
            Double value = n.path("value").isNumber() ? n.path("value").asDouble() : null;
            Instant at = capturedAt;
            String time = n.path("deviceTime").isTextual() ? n.path("deviceTime").asText()
                    : n.path("receiptTime").asText(null);
            if (time != null) at = Instant.parse(time);
            JsonNode dev = n.path("device");
            String device = dev.isObject() ? MediaDrafts.clip((dev.path("manufacturer").asText("") + " "
                    + dev.path("model").asText("")).strip(), 200) : null;
            return new Draft(sign, MediaDrafts.clip(n.path("loinc").asText(null), 20), value, MediaDrafts.clip(n.path("unit").asText(null), 20),
                    at, device);
        } catch (java.io.IOException | DateTimeParseException e) {
            return null;
        }
    }

    static Observation row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String type = rs.getString("content_type");
        Observation.Media media = type == null ? null : new Observation.Media(type, rs.getLong("size_bytes"),
                rs.getObject("width", Integer.class), rs.getObject("height", Integer.class),
                rs.getObject("duration_ms", Long.class), rs.getObject("sample_rate_hz", Double.class),
                rs.getObject("channels", Integer.class), rs.getString("body_site"),
                rs.getObject("heart_rate_bpm", Double.class), rs.getObject("pr_ms", Double.class),
                rs.getObject("qrs_ms", Double.class), rs.getObject("qt_ms", Double.class),
                rs.getObject("qtc_ms", Double.class));
        return new Observation(rs.getObject("id", UUID.class), rs.getObject("consultation_id", UUID.class),
                rs.getObject("patient_id", UUID.class), Observation.Kind.valueOf(rs.getString("kind")),
                Observation.Status.valueOf(rs.getString("status")), rs.getString("sign"), rs.getString("loinc"),
                rs.getObject("value", Double.class), rs.getString("unit"), rs.getTimestamp("effective_at").toInstant(),
                rs.getString("device"), rs.getString("decided_by"), ConsultationService.instant(rs, "decided_at"),
                media);
    }
}
