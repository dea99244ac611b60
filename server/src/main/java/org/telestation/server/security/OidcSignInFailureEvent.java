package org.telestation.server.security;

import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * An OIDC sign-in refused by the identity provider or by us (unknown RPPS, insufficient assurance level). Public with
 * a public constructor: Spring Security's event publisher creates it by reflection.
 */
public class OidcSignInFailureEvent extends AbstractAuthenticationFailureEvent {
    public OidcSignInFailureEvent(Authentication authentication, AuthenticationException exception) {
        super(authentication, exception);
    }
}
