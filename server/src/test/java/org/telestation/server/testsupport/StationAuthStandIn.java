package org.telestation.server.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * TEST-ONLY STAND-IN for what the security engineer (branch dev-core) delivers: station authentication
 * {@code Authorization: Bearer <station-code>:<secret>} on {@code /api/station/**} with role STATION (principal name =
 * station code), and enrolment {@code POST /api/station/enrol}. It follows that contract so the station tests run
 * before the merge; delete it once dev-core is merged and the tests run against the real thing.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StationAuthStandIn {

    @Bean
    @Order(0)
    SecurityFilterChain stationStandInChain(HttpSecurity http, JdbcClient jdbc, PasswordEncoder encoder, Clock clock)
            throws Exception {
        http.securityMatcher("/api/station/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/station/enrol").permitAll()
                        .anyRequest().hasRole("STATION"))
                .addFilterBefore(new EnrolFilter(jdbc, encoder, clock), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new BearerFilter(jdbc, encoder), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /** Creates a station with a one-time enrolment code; returns its id. */
    public static UUID createStation(JdbcClient jdbc, PasswordEncoder encoder, String code, String enrolmentCode) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into station (id, code, name, kind, enrolment_code_hash, enrolment_expires_at, created_at)
                values (:id, :code, :name, 'CART', :hash, now() + interval '1 day', now())""")
                .param("id", id).param("code", code).param("name", "Chariot " + code)
                .param("hash", encoder.encode(enrolmentCode)).update();
        return id;
    }

    static final class BearerFilter extends OncePerRequestFilter {
        private final JdbcClient jdbc;
        private final PasswordEncoder encoder;
        /** BCrypt costs ~50 ms; the real implementation will cache too. */
        private final Map<String, String> verified = new ConcurrentHashMap<>();

        BearerFilter(JdbcClient jdbc, PasswordEncoder encoder) {
            this.jdbc = jdbc;
            this.encoder = encoder;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.startsWith("Bearer ")) {
                String token = header.substring(7);
                int colon = token.indexOf(':');
                if (colon > 0) {
                    String code = token.substring(0, colon);
                    String secret = token.substring(colon + 1);
                    boolean ok = code.equals(verified.get(token)) || jdbc.sql(
                                    "select secret_hash from station where code = :c and active and secret_hash is not null")
                            .param("c", code).query(String.class).optional()
                            .map(hash -> encoder.matches(secret, hash)).orElse(false);
                    if (ok) {
                        verified.put(token, code);
                        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken
                                .authenticated(code, null, List.of(new SimpleGrantedAuthority("ROLE_STATION"))));
                    }
                }
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * Enrolment as a filter of the stand-in chain rather than a controller: a test-source controller would be
     * picked up by component scanning in every other test.
     */
    static final class EnrolFilter extends OncePerRequestFilter {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final JdbcClient jdbc;
        private final PasswordEncoder encoder;
        private final Clock clock;

        EnrolFilter(JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
            this.jdbc = jdbc;
            this.encoder = encoder;
            this.clock = clock;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !("POST".equals(request.getMethod()) && "/api/station/enrol".equals(request.getRequestURI()));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException {
            JsonNode body = JSON.readTree(request.getInputStream());
            String code = body.path("stationCode").asText("");
            String enrolmentCode = body.path("enrolmentCode").asText("");
            Optional<String> hash = jdbc.sql("""
                    select enrolment_code_hash from station
                    where code = :c and active and enrolment_code_hash is not null and enrolment_expires_at > now()""")
                    .param("c", code).query(String.class).optional();
            response.setContentType("application/json");
            if (hash.isEmpty() || !encoder.matches(enrolmentCode, hash.get())) {
                response.setStatus(HttpStatus.FORBIDDEN.value());
                response.getWriter().write("{\"error\":\"invalid enrolment code\"}");
                return;
            }
            byte[] raw = new byte[32];
            new SecureRandom().nextBytes(raw);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            jdbc.sql("""
                    update station set secret_hash = :h, enrolment_code_hash = null, enrolment_expires_at = null,
                           enrolled_at = :now where code = :c""")
                    .param("h", encoder.encode(secret)).param("now", java.sql.Timestamp.from(clock.instant()))
                    .param("c", code).update();
            response.getWriter().write(JSON.createObjectNode().put("secret", secret).toString());
        }
    }
}
