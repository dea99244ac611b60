package org.telestation.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.telestation.server.directory.StationService;

/**
 * {@code Authorization: Bearer <station-code>:<secret>} on {@code /api/station/**}: authenticates as role STATION for
 * this request only (no session). A wrong or missing credential leaves the request anonymous, and the authorization
 * rules answer 401.
 */
class StationBearerFilter extends OncePerRequestFilter {

    private final StationService stations;
    private final LoginThrottle throttle;

    StationBearerFilter(StationService stations, LoginThrottle throttle) {
        this.stations = stations;
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            int colon = token.indexOf(':');
            if (colon > 0 && !throttle.isBlocked(request.getRemoteAddr())) {
                var station = stations.authenticate(token.substring(0, colon), token.substring(colon + 1));
                if (station.isPresent()) {
                    var principal = new StationPrincipal(station.get().id(), station.get().code());
                    var auth = new PreAuthenticatedAuthenticationToken(principal, null,
                            List.of(new SimpleGrantedAuthority(Role.STATION.authority())));
                    var context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(auth);
                    SecurityContextHolder.setContext(context);
                } else {
                    throttle.recordAddressFailure(request.getRemoteAddr());
                }
            }
        }
        chain.doFilter(request, response);
    }
}
