package org.telestation.server.directory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The CPTS closed circle, as other capabilities see it: only members may request or answer tele-expertise.
 * Implemented by {@link CircleService}.
 */
public interface CircleMembership {

    /** What a member may do in tele-expertise. */
    enum CircleRole {
        REQUESTER, EXPERT, BOTH;

        public boolean mayRequest() {
            return this != EXPERT;
        }

        public boolean mayAnswer() {
            return this != REQUESTER;
        }
    }

    /** A membership, current or past (history is never deleted). */
    record Entry(UUID id, UUID professionalId, CircleRole role, Instant grantedAt, String grantedBy,
                 Instant revokedAt, String revokedBy) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    boolean isMember(UUID professionalId);

    /** The role of a current member, empty when the professional is not (or no longer) in the circle. */
    Optional<CircleRole> roleOf(UUID professionalId);

    default boolean mayRequest(UUID professionalId) {
        return roleOf(professionalId).map(CircleRole::mayRequest).orElse(false);
    }

    default boolean mayAnswer(UUID professionalId) {
        return roleOf(professionalId).map(CircleRole::mayAnswer).orElse(false);
    }

    /** Current members. */
    List<Entry> activeMembers();
}
