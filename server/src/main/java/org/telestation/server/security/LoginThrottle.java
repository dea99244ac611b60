package org.telestation.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Two brakes on password guessing.
 * <ul>
 *   <li>Per account: after {@code telestation.security.login.max-failures} wrong passwords in a row (default 5) the
 *       account is locked for {@code lock-duration} (default 15 min), stored in {@code app_user} so it holds across
 *       instances. A successful sign-in resets the count.</li>
 *   <li>Per client address: more than {@code ip-max-failures} failed attempts (default 20, any username, also failed
 *       station enrolments) within {@code ip-window} (default 15 min) block further attempts from that address until the
 *       window slides. Kept in memory, per instance.</li>
 * </ul>
 */
@Component
public class LoginThrottle {

    private static final int MAX_TRACKED_ADDRESSES = 100_000;

    private final AccountService accounts;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;
    private final int ipMaxFailures;
    private final Duration ipWindow;
    private final Map<String, Deque<Instant>> failuresByAddress = new ConcurrentHashMap<>();

    LoginThrottle(AccountService accounts, Clock clock,
                  @Value("${telestation.security.login.max-failures:5}") int maxFailures,
                  @Value("${telestation.security.login.lock-duration:PT15M}") Duration lockDuration,
                  @Value("${telestation.security.login.ip-max-failures:20}") int ipMaxFailures,
                  @Value("${telestation.security.login.ip-window:PT15M}") Duration ipWindow) {
        this.accounts = accounts;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
        this.ipMaxFailures = ipMaxFailures;
        this.ipWindow = ipWindow;
    }

    /** Whether attempts from this address are blocked now. */
    public boolean isBlocked(String address) {
        Deque<Instant> failures = failuresByAddress.get(address);
        if (failures == null) {
            return false;
        }
        synchronized (failures) {
            prune(failures);
            return failures.size() >= ipMaxFailures;
        }
    }

    /** Counts a failed attempt (password or enrolment) from this address. */
    public void recordAddressFailure(String address) {
        if (failuresByAddress.size() > MAX_TRACKED_ADDRESSES) {
            // A flood of addresses: forget the old ones rather than grow without bound.
            failuresByAddress.clear();
        }
        Deque<Instant> failures = failuresByAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (failures) {
            prune(failures);
            failures.addLast(clock.instant());
        }
    }

    private void prune(Deque<Instant> failures) {
        Instant oldest = clock.instant().minus(ipWindow);
        while (!failures.isEmpty() && !failures.peekFirst().isAfter(oldest)) {
            failures.removeFirst();
        }
    }

    @EventListener
    void onBadPassword(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token) {
            accounts.recordFailure(token.getName(), maxFailures, lockDuration);
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token) {
            accounts.recordSuccess(token.getName());
        }
    }
}
