package org.telestation.server.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads {@code app_user} rows for the form login. A locked account is reported as locked before the password is checked
 * (Spring's pre-authentication checks), so a locked account reveals nothing about the password tried.
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final AccountService accounts;

    AccountUserDetailsService(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AccountService.StoredLogin login = accounts.login(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return User.withUsername(login.username())
                // OIDC-only accounts have no password: an empty hash never matches.
                .password(login.passwordHash() == null ? "" : login.passwordHash())
                .authorities(login.role().authority())
                .accountLocked(login.locked())
                .disabled(!login.enabled())
                .build();
    }
}
