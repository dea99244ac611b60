package org.telestation.server.measurements;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;

/**
 * Resolves the station behind a STATION authentication. The security capability authenticates
 * {@code Authorization: Bearer <station-code>:<secret>} and names the principal after the station code; this only
 * maps that code to the active station row. (When directory's station service lands, this can delegate to it.)
 */
@Service
public class StationRefs {
    private final JdbcClient jdbc;

    StationRefs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The active station of an authenticated STATION principal, or empty for anyone else. */
    public Optional<StationRef> of(Authentication auth) {
        if (auth == null || !auth.isAuthenticated()) return Optional.empty();
        boolean station = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch("ROLE_STATION"::equals);
        if (!station) return Optional.empty();
        return byCode(auth.getName());
    }

    public Optional<StationRef> byCode(String code) {
        return jdbc.sql("select id, code from station where code = :code and active")
                .param("code", code)
                .query((rs, n) -> new StationRef(rs.getObject("id", java.util.UUID.class), rs.getString("code")))
                .optional();
    }
}
