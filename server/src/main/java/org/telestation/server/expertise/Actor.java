package org.telestation.server.expertise;

import java.util.UUID;
import org.telestation.server.security.Role;

/**
 * Who is acting: the signed-in account, its role and the directory professional it is bound to (null for accounts
 * that are not professionals, e.g. a coordinator).
 */
public record Actor(String username, Role role, UUID professionalId) {

    public boolean coordinates() {
        return role == Role.COORDINATOR || role == Role.ADMIN;
    }

    /** The scheduler acting on timers. */
    static final Actor SCHEDULER = new Actor("scheduler", Role.ADMIN, null);
}
