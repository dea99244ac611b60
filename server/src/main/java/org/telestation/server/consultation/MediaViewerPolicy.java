package org.telestation.server.consultation;

import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who may watch a station's clinical media (the otoscope picture and the stethoscope sound are patient data). The
 * default lets in the remote clinicians — GPs and specialists — and nobody else: not the coordination, not the
 * administrators. The consultation capability can replace this bean with a check that the viewer takes part in the
 * consultation running on that station.
 */
public interface MediaViewerPolicy {
    Set<String> CLINICIAN_ROLES = Set.of("ROLE_GP", "ROLE_SPECIALIST");

    boolean mayView(Authentication viewer, UUID stationId);

    static MediaViewerPolicy cliniciansOnly() {
        return (viewer, stationId) -> viewer != null && viewer.isAuthenticated() && viewer.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(CLINICIAN_ROLES::contains);
    }
}
