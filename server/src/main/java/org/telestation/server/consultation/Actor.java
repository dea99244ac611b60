package org.telestation.server.consultation;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who acts, as recorded in the status history: the username and the role (without the ROLE_ prefix). */
public record Actor(String username, String role) {

    public static Actor of(Authentication auth) {
        if (auth == null || !auth.isAuthenticated()) return new Actor("anonymous", "ANONYMOUS");
        String role = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).findFirst().orElse("UNKNOWN");
        return new Actor(auth.getName(), role);
    }

    public boolean is(String r) {
        return role.equals(r);
    }

    public boolean doctor() {
        return is("GP") || is("SPECIALIST");
    }
}
