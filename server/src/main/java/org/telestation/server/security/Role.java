package org.telestation.server.security;

/**
 * Roles. People have one of the first five (stored in {@code app_user.role}); STATION is the machine identity of a cart
 * or briefcase and is never stored on an account. Spring authorities are {@code ROLE_<name>}.
 */
public enum Role {
    NURSE, GP, SPECIALIST, COORDINATOR, ADMIN, STATION;

    public String authority() {
        return "ROLE_" + name();
    }
}
