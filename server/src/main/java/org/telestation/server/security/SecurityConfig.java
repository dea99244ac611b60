package org.telestation.server.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.telestation.server.directory.StationService;

/**
 * Web security (see docs/security.md).
 * <ol>
 *   <li>{@code /api/station/**}: stateless, {@code Authorization: Bearer <station-code>:<secret>} → role STATION; no
 *       session, no CSRF (no cookie is ever accepted there). {@code POST /api/station/enrol} is open.</li>
 *   <li>Everything else: form login on {@code /login} (and Pro Santé Connect when configured), session cookie, CSRF on
 *       every state-changing request. Public: home, {@code /public/**}, {@code /api/public/**}, static, health.
 *       URL rules below decide before any request body is read; controllers repeat them with
 *       {@code @PreAuthorize}.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    static final String[] STAFF = {"NURSE", "GP", "SPECIALIST", "COORDINATOR", "ADMIN"};
    static final String[] COORDINATION = {"COORDINATOR", "ADMIN"};

    @Bean
    @Order(1)
    SecurityFilterChain stationApi(HttpSecurity http, StationService stations, LoginThrottle throttle)
            throws Exception {
        http.securityMatcher("/api/station/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/station/enrol").permitAll()
                        .anyRequest().hasRole("STATION"))
                .addFilterBefore(new StationBearerFilter(stations, throttle), AuthorizationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new NullSecurityContextRepository()))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problem(HttpStatus.UNAUTHORIZED, "Bearer"))
                        .accessDeniedHandler(denied()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, LoginThrottle throttle, ObjectProvider<OidcLogin> oidc)
            throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/public/**", "/api/public/**", "/css/**", "/js/**", "/img/**",
                                "/webjars/**", "/favicon.ico", "/actuator/health/**", "/error", "/login",
                                "/login/oidc-refused").permitAll()
                        .requestMatchers("/circle/**", "/directory/**", "/audit/**", "/api/audit/**", "/agenda/**",
                                "/api/booking/**").hasAnyRole(COORDINATION)
                        .requestMatchers(HttpMethod.GET, "/api/directory/**").hasAnyRole(STAFF)
                        .requestMatchers("/api/directory/**").hasAnyRole(COORDINATION)
                        .requestMatchers("/patients/**", "/api/patients/**").hasAnyRole(STAFF)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").failureHandler(loginFailure(throttle)).permitAll())
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(problem(HttpStatus.UNAUTHORIZED, null), api)
                        .defaultAccessDeniedHandlerFor(denied(), api));
        oidc.ifAvailable(o -> o.configure(http));
        return http.build();
    }

    private static AuthenticationFailureHandler loginFailure(LoginThrottle throttle) {
        return (request, response, exception) -> {
            throttle.recordAddressFailure(request.getRemoteAddr());
            String reason = exception instanceof LockedException ? "locked" : "error";
            response.sendRedirect(request.getContextPath() + "/login?" + reason);
        };
    }

    /** 401 as an RFC 7807 problem detail, for API clients that cannot follow a redirect to the login page. */
    static AuthenticationEntryPoint problem(HttpStatus status, String challenge) {
        return (request, response, e) -> {
            if (challenge != null) {
                response.setHeader("WWW-Authenticate", challenge);
            }
            writeProblem(response, status, "unauthenticated", "Authentication required");
        };
    }

    static AccessDeniedHandler denied() {
        return (request, response, e) -> writeProblem(response, HttpStatus.FORBIDDEN, "forbidden",
                "This role may not use this resource");
    }

    static void writeProblem(HttpServletResponse response, HttpStatus status, String type, String detail)
            throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"https://telestation.org/problems/" + type + "\",\"title\":\""
                + status.getReasonPhrase() + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
