package org.telestation.server.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telestation.server.platform.ConflictException;
import org.telestation.server.platform.ValidationException;

/** Grants and revokes circle memberships; a revoked membership stays in the history with who and when. */
@Service
public class CircleService implements CircleMembership {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ProfessionalService professionals;

    CircleService(JdbcClient jdbc, Clock clock, ProfessionalService professionals) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.professionals = professionals;
    }

    /** Adds a professional to the circle. A current member cannot be added twice (409). */
    @Transactional
    public Entry grant(UUID professionalId, CircleRole role, String grantedBy) {
        if (role == null) {
            throw ValidationException.of("role", "validation.required");
        }
        professionals.get(professionalId);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into circle_membership(id, professional_id, circle_role, granted_at, granted_by)
                    values (:id, :pro, :role, :now, :by)""")
                    .param("id", id).param("pro", professionalId).param("role", role.name())
                    .param("now", Timestamp.from(clock.instant())).param("by", grantedBy)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("directory.circle.already-member", "already a member");
        }
        return history(professionalId).get(0);
    }

    /** Ends the current membership (409 when the professional is not a member). */
    @Transactional
    public Entry revoke(UUID professionalId, String revokedBy) {
        professionals.get(professionalId);
        int changed = jdbc.sql("""
                update circle_membership set revoked_at = :now, revoked_by = :by
                where professional_id = :pro and revoked_at is null""")
                .param("now", Timestamp.from(clock.instant())).param("by", revokedBy).param("pro", professionalId)
                .update();
        if (changed == 0) {
            throw new ConflictException("directory.circle.not-member", "not a member");
        }
        return history(professionalId).get(0);
    }

    @Override
    public boolean isMember(UUID professionalId) {
        return roleOf(professionalId).isPresent();
    }

    @Override
    public Optional<CircleRole> roleOf(UUID professionalId) {
        return jdbc.sql("select circle_role from circle_membership where professional_id = :pro and revoked_at is null")
                .param("pro", professionalId).query(String.class).optional().map(CircleRole::valueOf);
    }

    @Override
    public List<Entry> activeMembers() {
        return jdbc.sql("select * from circle_membership where revoked_at is null order by granted_at")
                .query(CircleService::map).list();
    }

    /** Every membership of one professional, newest first. */
    public List<Entry> history(UUID professionalId) {
        return jdbc.sql("select * from circle_membership where professional_id = :pro order by granted_at desc, revoked_at desc nulls first")
                .param("pro", professionalId).query(CircleService::map).list();
    }

    /** Every grant and revocation, newest first. */
    public List<Entry> history() {
        return jdbc.sql("select * from circle_membership order by coalesce(revoked_at, granted_at) desc")
                .query(CircleService::map).list();
    }

    private static Entry map(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getObject("id", UUID.class), rs.getObject("professional_id", UUID.class),
                CircleRole.valueOf(rs.getString("circle_role")), StationService.instant(rs, "granted_at"),
                rs.getString("granted_by"), StationService.instant(rs, "revoked_at"), rs.getString("revoked_by"));
    }
}
