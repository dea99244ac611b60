package org.telestation.server.consultation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telestation.server.audit.AuditLog;
import org.telestation.server.platform.ValidationException;

/**
 * One-time invitation links for a third participant (specialist, interpreter). The link carries a random token;
 * only its SHA-256 is stored. Redeeming it once, before it expires, gives the browser a guest pass for that
 * consultation (held in its HTTP session); a second use or a late one is refused.
 */
@Service
public class InvitationService {
    public enum Role {
        SPECIALIST, INTERPRETER;

        /**
         * Whether a guest in this role sees the station's clinical data: the live device panel (SpO2, pleth, ECG, BP
         * as the station sends them) and the clinical media (otoscope/dermatoscope video, stethoscope sound). A
         * specialist is a clinician called in for the case (an ENT or dermatology opinion needs the picture): yes,
         * read-only. An interpreter is there for the words, not the clinical data, and is often not a health
         * professional: no — the conversation video only (data minimisation). One rule for the pages and the sockets.
         */
        public boolean seesClinicalData() {
            return this == SPECIALIST;
        }
    }

    /** @param token the secret to put in the link: shown once, not stored */
    public record Invitation(UUID id, String token, Role role, String displayName, Instant expiresAt) {
    }

    /** What a redeemed invitation grants. */
    public record GuestPass(UUID consultationId, Role role, String displayName) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final ConsultationService consultations;
    private final VideoProperties video;

    InvitationService(JdbcClient jdbc, Clock clock, AuditLog audit, ConsultationService consultations,
                      VideoProperties video) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.consultations = consultations;
        this.video = video;
    }

    @Transactional
    public Invitation invite(UUID consultationId, Role role, String displayName, Actor doctor) {
        Consultation c = consultations.view(consultationId, doctor);
        if (!doctor.username().equals(c.doctorUsername())) throw new AccessDeniedException("admitting doctor only");
        if (role == null) throw ValidationException.of("role", "consultation.error.invite-role");
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw ValidationException.of("displayName", "consultation.error.invite-name");
        }
        String token = ConsultationService.randomHex(24);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        Instant expires = now.plus(video.invitationValidity());
        jdbc.sql("""
                insert into consultation_invitation (id, consultation_id, token_hash, role, display_name, created_by,
                    created_at, expires_at) values (:id, :c, :hash, :role, :name, :by, :now, :exp)""")
                .param("id", id).param("c", consultationId).param("hash", sha256(token)).param("role", role.name())
                .param("name", displayName.strip()).param("by", doctor.username()).param("now", Timestamp.from(now))
                .param("exp", Timestamp.from(expires)).update();
        audit.record(AuditLog.Action.CREATE, "Invitation", id.toString(), c.patientId(), AuditLog.Outcome.SUCCESS,
                role.name());
        return new Invitation(id, token, role, displayName.strip(), expires);
    }

    /** Uses the link up: the pass, or empty when the token is unknown, used or expired (audited as denied). */
    @Transactional
    public Optional<GuestPass> redeem(String token) {
        if (token == null || token.length() != 48) return Optional.empty();
        Instant now = clock.instant();
        Optional<GuestPass> pass = jdbc.sql("""
                update consultation_invitation set used_at = :now
                where token_hash = :hash and used_at is null and expires_at > :now
                returning consultation_id, role, display_name""")
                .param("now", Timestamp.from(now)).param("hash", sha256(token))
                .query((rs, n) -> new GuestPass(rs.getObject(1, UUID.class), Role.valueOf(rs.getString(2)),
                        rs.getString(3)))
                .optional();
        audit.record(AuditLog.Action.LOGIN, "Invitation", null, null,
                pass.isPresent() ? AuditLog.Outcome.SUCCESS : AuditLog.Outcome.DENIED,
                pass.map(p -> "consultation " + p.consultationId()).orElse("unknown, used or expired link"));
        return pass;
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
