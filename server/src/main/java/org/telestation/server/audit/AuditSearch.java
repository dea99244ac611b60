package org.telestation.server.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Searches the audit trail for coordinators and administrators; each search is itself audited. */
@Service
public class AuditSearch {

    static final int MAX_RESULTS = 500;

    private final JdbcClient jdbc;
    private final AuditLog audit;

    AuditSearch(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public List<AuditEvent> search(AuditEvent.Query query) {
        StringBuilder sql = new StringBuilder("select * from audit_event where true");
        List<Object[]> params = new ArrayList<>();
        if (query.patientId() != null) {
            sql.append(" and patient_id = :patient");
            params.add(new Object[] {"patient", query.patientId()});
        }
        if (query.actor() != null && !query.actor().isBlank()) {
            sql.append(" and actor = :actor");
            params.add(new Object[] {"actor", query.actor().trim()});
        }
        if (query.from() != null) {
            sql.append(" and occurred_at >= :from");
            params.add(new Object[] {"from", Timestamp.from(query.from())});
        }
        if (query.to() != null) {
            sql.append(" and occurred_at < :to");
            params.add(new Object[] {"to", Timestamp.from(query.to())});
        }
        if (query.action() != null) {
            sql.append(" and action = :action");
            params.add(new Object[] {"action", query.action().name()});
        }
        sql.append(" order by occurred_at desc, id desc limit ").append(MAX_RESULTS);
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString());
        for (Object[] p : params) {
            statement = statement.param((String) p[0], p[1]);
        }
        List<AuditEvent> events = statement.query((rs, i) -> new AuditEvent(rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("actor_role"),
                AuditLog.Action.valueOf(rs.getString("action")), rs.getString("resource_type"),
                rs.getString("resource_id"), rs.getObject("patient_id", UUID.class),
                AuditLog.Outcome.valueOf(rs.getString("outcome")), rs.getString("source_ip"), rs.getString("detail")))
                .list();
        // Criteria only: ids, usernames and dates, no patient data.
        audit.record(AuditLog.Action.READ, "AuditEvent", null, query.patientId(), AuditLog.Outcome.SUCCESS,
                "audit search actor=" + (query.actor() == null ? "" : query.actor()) + " action="
                        + (query.action() == null ? "" : query.action()) + " from=" + query.from() + " to=" + query.to()
                        + " results=" + events.size());
        return events;
    }
}
