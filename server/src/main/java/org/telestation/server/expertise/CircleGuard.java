package org.telestation.server.expertise;

import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.telestation.server.directory.CircleMembership;
import org.telestation.server.security.Account;
import org.telestation.server.security.AccountService;
import org.telestation.server.security.Role;

/**
 * The closed circle as tele-expertise enforces it. Membership is read from the database on every call, so a grant or
 * a revocation by the coordinator applies to the very next request.
 */
@Component
class CircleGuard {

    private final AccountService accounts;
    private final CircleMembership circle;

    CircleGuard(AccountService accounts, CircleMembership circle) {
        this.accounts = accounts;
        this.circle = circle;
    }

    Actor actor(Authentication auth) {
        Role role = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5))
                .filter(r -> java.util.Arrays.stream(Role.values()).anyMatch(v -> v.name().equals(r)))
                .map(Role::valueOf).findFirst().orElse(Role.NURSE);
        UUID professional = accounts.findByUsername(auth.getName()).map(Account::professionalId).orElse(null);
        return new Actor(auth.getName(), role, professional);
    }

    /** The actor may ask for tele-expertise (circle role REQUESTER or BOTH). */
    void requireRequester(Actor actor) {
        if (actor.professionalId() == null || !circle.mayRequest(actor.professionalId())) {
            throw new NotInCircleException("expertise.refused.not-requester");
        }
    }

    /** The actor may answer tele-expertise (circle role EXPERT or BOTH). */
    void requireExpert(Actor actor) {
        if (actor.professionalId() == null || !circle.mayAnswer(actor.professionalId())) {
            throw new NotInCircleException("expertise.refused.not-expert");
        }
    }

    boolean mayRequest(UUID professionalId) {
        return professionalId != null && circle.mayRequest(professionalId);
    }

    boolean mayAnswer(UUID professionalId) {
        return professionalId != null && circle.mayAnswer(professionalId);
    }

    boolean member(Actor actor) {
        return actor.professionalId() != null && circle.isMember(actor.professionalId());
    }
}
