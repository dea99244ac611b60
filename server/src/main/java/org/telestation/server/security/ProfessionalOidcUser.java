package org.telestation.server.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A professional signed in through OIDC: named after the bound account, with that account's role. */
class ProfessionalOidcUser extends DefaultOidcUser {

    private final String username;

    ProfessionalOidcUser(OidcUser user, String username, Role role) {
        super(List.of(new SimpleGrantedAuthority(role.authority())), user.getIdToken(), user.getUserInfo());
        this.username = username;
    }

    @Override
    public String getName() {
        return username;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && o instanceof ProfessionalOidcUser other && username.equals(other.username);
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + username.hashCode();
    }
}
