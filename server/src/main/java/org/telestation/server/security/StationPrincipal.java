package org.telestation.server.security;

import java.util.UUID;
import org.springframework.security.core.AuthenticatedPrincipal;

/** The authenticated station (role STATION); its name is the station code, which is what the audit records. */
public record StationPrincipal(UUID stationId, String code) implements AuthenticatedPrincipal {
    @Override
    public String getName() {
        return code;
    }
}
