package org.telestation.server.security;

import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureProviderNotFoundEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.telestation.server.audit.AuditLog;

/**
 * Every sign-in, by password or through Pro Santé Connect (OIDC), leaves a {@code LOGIN} audit row: SUCCESS with the
 * granted role, or FAILURE with the reason (wrong password, locked account, refused identity). The actor is the
 * username typed or the one the identity provider's user was bound to; the password is never read here. Built on
 * Spring Security's authentication events, published by the authentication manager of the web filter chain (the
 * station bearer credential does not go through it, so machine calls do not flood the audit).
 */
@Configuration(proxyBeanMethods = false)
class SignInAudit {

    /**
     * Spring Boot's publisher, plus OIDC refusals: its default mapping knows the password exceptions only, and an
     * unmapped failure publishes no event at all.
     */
    @Bean
    DefaultAuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setAdditionalExceptionMappings(Map.of(OAuth2AuthenticationException.class,
                OidcSignInFailureEvent.class));
        return publisher;
    }

    @Bean
    Listener signInAuditListener(AuditLog audit) {
        return new Listener(audit);
    }

    static final class Listener {
        private final AuditLog audit;

        Listener(AuditLog audit) {
            this.audit = audit;
        }

        @EventListener
        void onSuccess(AuthenticationSuccessEvent event) {
            Authentication who = event.getAuthentication();
            String role = who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).findFirst().orElse(null);
            audit.signIn(who.getName(), role, AuditLog.Outcome.SUCCESS, method(who));
        }

        @EventListener
        void onFailure(AbstractAuthenticationFailureEvent event) {
            // The parent authentication manager is asked too when a provider refused an OIDC token, and it says it
            // has no provider for that token: an artefact of the manager chain, not a second sign-in attempt.
            if (event instanceof AuthenticationFailureProviderNotFoundEvent) return;
            Authentication attempt = event.getAuthentication();
            AuthenticationException e = event.getException();
            String reason = e instanceof OAuth2AuthenticationException o2 ? o2.getError().getErrorCode()
                    : e.getClass().getSimpleName();
            audit.signIn(attempt instanceof AbstractAuthenticationToken t ? t.getName() : null, null,
                    AuditLog.Outcome.FAILURE, method(attempt) + ": " + reason);
        }

        private static String method(Authentication authentication) {
            return authentication.getClass().getName().contains("oauth2") ? "oidc" : "form";
        }
    }
}
