package org.telestation.server.expertise;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.telestation.server.directory.Professional.Speciality;

/** The expertise tables: plain SQL, one place. */
@Repository
class ExpertiseStore {

    private final JdbcClient jdbc;

    ExpertiseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    Optional<ExpertiseRequest> find(UUID id) {
        return jdbc.sql("select * from expertise_request where id = :id").param("id", id)
                .query(ExpertiseStore::request).optional();
    }

    /** Locks the row for the rest of the transaction: state changes never interleave. */
    Optional<ExpertiseRequest> lock(UUID id) {
        return jdbc.sql("select * from expertise_request where id = :id for update").param("id", id)
                .query(ExpertiseStore::request).optional();
    }

    void event(UUID requestId, Instant at, String actor, ExpertiseEvent.Kind kind, String message) {
        jdbc.sql("""
                insert into expertise_event(request_id, occurred_at, actor, kind, message)
                values (:r, :at, :actor, :kind, :msg)""")
                .param("r", requestId).param("at", ts(at)).param("actor", actor).param("kind", kind.name())
                .param("msg", message).update();
    }

    List<ExpertiseEvent> events(UUID requestId) {
        return jdbc.sql("select * from expertise_event where request_id = :r order by id").param("r", requestId)
                .query((rs, i) -> new ExpertiseEvent(rs.getLong("id"), rs.getObject("request_id", UUID.class),
                        instant(rs, "occurred_at"), rs.getString("actor"),
                        ExpertiseEvent.Kind.valueOf(rs.getString("kind")), rs.getString("message")))
                .list();
    }

    List<Attachment> attachments(UUID requestId) {
        return jdbc.sql("""
                select id, request_id, kind, file_name, content_type, size_bytes, ecg_format, eye, created_at, created_by
                from expertise_attachment where request_id = :r order by created_at, position""")
                .param("r", requestId).query(ExpertiseStore::attachment).list();
    }

    Optional<Attachment> attachment(UUID id) {
        return jdbc.sql("""
                select id, request_id, kind, file_name, content_type, size_bytes, ecg_format, eye, created_at, created_by
                from expertise_attachment where id = :id""")
                .param("id", id).query(ExpertiseStore::attachment).optional();
    }

    record Content(byte[] content, byte[] companion) {}

    Content content(UUID attachmentId) {
        return jdbc.sql("select content, companion from expertise_attachment where id = :id").param("id", attachmentId)
                .query((rs, i) -> new Content(rs.getBytes("content"), rs.getBytes("companion"))).single();
    }

    Optional<Answer> answer(UUID requestId) {
        return jdbc.sql("select * from expertise_answer where request_id = :r").param("r", requestId)
                .query((rs, i) -> new Answer(rs.getObject("request_id", UUID.class), rs.getObject("expert_id", UUID.class),
                        rs.getString("answered_by"), instant(rs, "answered_at"),
                        Answer.Form.valueOf(rs.getString("form")),
                        rs.getString("conclusion") == null ? null : Answer.EcgConclusion.valueOf(rs.getString("conclusion")),
                        rs.getString("findings"), rs.getString("recommendation"), rs.getBoolean("consultation_needed"),
                        icdr(rs.getString("grade_left")), icdr(rs.getString("grade_right")),
                        (Boolean) rs.getObject("maculopathy_left"), (Boolean) rs.getObject("maculopathy_right"),
                        (Integer) rs.getObject("follow_up_months"), rs.getBoolean("appointment_proposed"),
                        rs.getString("free_text")))
                .optional();
    }

    private static Answer.Icdr icdr(String s) {
        return s == null ? null : Answer.Icdr.valueOf(s);
    }

    static ExpertiseRequest request(ResultSet rs, int row) throws SQLException {
        return new ExpertiseRequest(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                ExpertiseRequest.Kind.valueOf(rs.getString("kind")), Speciality.valueOf(rs.getString("speciality")),
                rs.getObject("requester_id", UUID.class), rs.getString("created_by"),
                rs.getObject("expert_id", UUID.class), rs.getString("question"),
                ExpertiseRequest.Urgency.valueOf(rs.getString("urgency")),
                ExpertiseRequest.State.valueOf(rs.getString("state")), instant(rs, "requested_at"),
                instant(rs, "due_at"), rs.getInt("deadline_version"), instant(rs, "paused_at"),
                instant(rs, "escalated_at"), instant(rs, "answered_at"));
    }

    private static Attachment attachment(ResultSet rs, int row) throws SQLException {
        String format = rs.getString("ecg_format");
        String eye = rs.getString("eye");
        return new Attachment(rs.getObject("id", UUID.class), rs.getObject("request_id", UUID.class),
                Attachment.Kind.valueOf(rs.getString("kind")), rs.getString("file_name"), rs.getString("content_type"),
                rs.getInt("size_bytes"), format == null ? null : EcgFiles.Format.valueOf(format),
                eye == null ? null : Attachment.Eye.valueOf(eye), instant(rs, "created_at"), rs.getString("created_by"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
