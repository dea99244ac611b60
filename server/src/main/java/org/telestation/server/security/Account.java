package org.telestation.server.security;

import java.util.UUID;

/** A sign-in account, optionally bound to a directory professional (for Pro Santé Connect). */
public record Account(UUID id, String username, String displayName, String email, Role role, UUID professionalId,
                      boolean enabled) {

    /** Input for creating an account; a null password makes an OIDC-only account. */
    public record Draft(String username, String password, String displayName, String email, Role role,
                        UUID professionalId) {}
}
