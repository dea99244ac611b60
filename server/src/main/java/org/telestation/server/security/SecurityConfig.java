package org.telestation.server.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Web security. Public: the home page, the patient booking pages ({@code /public/**}, {@code /api/public/**}),
 * static assets, health probes. Everything else needs a signed-in professional or a station credential.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/public/**", "/api/public/**", "/css/**", "/js/**", "/img/**",
                                "/webjars/**", "/favicon.ico", "/actuator/health/**", "/error", "/login").permitAll()
                        .anyRequest().authenticated())
                // The public booking API has no session to protect; staff APIs keep CSRF protection.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/public/**"))
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/"));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
