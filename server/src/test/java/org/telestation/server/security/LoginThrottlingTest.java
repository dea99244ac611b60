package org.telestation.server.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.telestation.server.testsupport.MutableClock;
import org.telestation.server.testsupport.ServerTest;

/** Account lock after 5 wrong passwords (15 min) and per-address blocking after 20 failures (defaults). */
@ServerTest
class LoginThrottlingTest {

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired MutableClock clock;

    private String newAccount() {
        String username = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new Account.Draft(username, "correct-horse", "Test", null, Role.NURSE, null));
        return username;
    }

    private static org.springframework.test.web.servlet.RequestBuilder login(String username, String password,
                                                                           String address) {
        return post("/login").param("username", username).param("password", password).with(csrf())
                .with(from(address));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightPasswordUntilTheLockExpires() throws Exception {
        String username = newAccount();
        String address = "10.2.0.1";
        for (int i = 0; i < 5; i++) {
            mvc.perform(login(username, "wrong", address))
                    .andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated());
        }
        mvc.perform(login(username, "correct-horse", address))
                .andExpect(redirectedUrl("/login?locked")).andExpect(unauthenticated());

        clock.advance(Duration.ofMinutes(16));
        mvc.perform(login(username, "correct-horse", address))
                .andExpect(authenticated().withUsername(username).withRoles("NURSE"));
    }

    @Test
    void aSuccessResetsTheFailureCount() throws Exception {
        String username = newAccount();
        String address = "10.2.0.2";
        for (int i = 0; i < 4; i++) {
            mvc.perform(login(username, "wrong", address))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login(username, "correct-horse", address))
                .andExpect(authenticated());
        mvc.perform(login(username, "wrong", address))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(login(username, "correct-horse", address))
                .andExpect(authenticated());
    }

    @Test
    void anAddressThatFailsTwentyTimesIsBlockedWhateverTheUsername() throws Exception {
        String address = "10.2.0.3";
        for (int i = 0; i < 20; i++) {
            mvc.perform(login("nobody-" + i, "guess", address))
                    .andExpect(redirectedUrl("/login?error"));
        }
        String username = newAccount();
        mvc.perform(login(username, "correct-horse", address))
                .andExpect(redirectedUrl("/login?throttled")).andExpect(unauthenticated());
        // another address is not affected
        mvc.perform(login(username, "correct-horse", "10.2.0.4"))
                .andExpect(authenticated());
        clock.advance(Duration.ofMinutes(16));
        mvc.perform(login(username, "correct-horse", address))
                .andExpect(authenticated());
    }
}
