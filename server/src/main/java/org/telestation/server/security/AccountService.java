package org.telestation.server.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telestation.server.platform.ConflictException;
import org.telestation.server.platform.Validation;

/** Local accounts ({@code app_user}): BCrypt passwords, one role each, the lock after repeated failures. */
@Service
public class AccountService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    AccountService(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional
    public Account create(Account.Draft draft) {
        new Validation()
                .require(draft.username() != null && draft.username().matches("[a-z0-9._-]{2,100}"), "username",
                        "security.username.invalid")
                .text(draft.displayName(), "displayName", 200)
                .optionalText(draft.email(), "email", 200)
                .require(draft.role() != null && draft.role() != Role.STATION, "role", "security.role.invalid")
                .require(draft.password() == null || draft.password().length() >= 4 && draft.password().length() <= 72,
                        "password", "security.password.invalid")
                .throwIfInvalid();
        if (findByUsername(draft.username()).isPresent()) {
            throw new ConflictException("security.username.taken", "username taken");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into app_user(id, username, password_hash, display_name, email, role, professional_id, created_at)
                values (:id, :username, :hash, :name, :email, :role, :pro, :now)""")
                .param("id", id).param("username", draft.username())
                .param("hash", draft.password() == null ? null : passwords.encode(draft.password()))
                .param("name", draft.displayName()).param("email", draft.email()).param("role", draft.role().name())
                .param("pro", draft.professionalId()).param("now", Timestamp.from(clock.instant()))
                .update();
        return findByUsername(draft.username()).orElseThrow();
    }

    public Optional<Account> findByUsername(String username) {
        return jdbc.sql("select * from app_user where username = :u").param("u", username)
                .query(AccountService::map).optional();
    }

    public Optional<Account> findByProfessional(UUID professionalId) {
        return jdbc.sql("select * from app_user where professional_id = :p").param("p", professionalId)
                .query(AccountService::map).optional();
    }

    public List<Account> list() {
        return jdbc.sql("select * from app_user order by username").query(AccountService::map).list();
    }

    /** Whether the account is locked now (after too many failures). */
    public boolean isLocked(String username) {
        return jdbc.sql("select locked_until from app_user where username = :u").param("u", username)
                .query((rs, i) -> rs.getTimestamp(1)).optional()
                .map(t -> t != null && t.toInstant().isAfter(clock.instant())).orElse(false);
    }

    /** Counts a wrong password; at {@code maxFailures} the account is locked for {@code lockFor} and the count restarts. */
    @Transactional
    void recordFailure(String username, int maxFailures, Duration lockFor) {
        Instant now = clock.instant();
        jdbc.sql("""
                update app_user set
                    failed_logins = case when failed_logins + 1 >= :max then 0 else failed_logins + 1 end,
                    locked_until  = case when failed_logins + 1 >= :max then :until else locked_until end
                where username = :u""")
                .param("max", maxFailures).param("until", Timestamp.from(now.plus(lockFor))).param("u", username)
                .update();
    }

    @Transactional
    void recordSuccess(String username) {
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null where username = :u and failed_logins > 0")
                .param("u", username).update();
    }

    /** The stored row as Spring Security needs it: hash, lock and enabled flags. */
    Optional<StoredLogin> login(String username) {
        return jdbc.sql("select username, password_hash, role, enabled, locked_until from app_user where username = :u")
                .param("u", username)
                .query((rs, i) -> new StoredLogin(rs.getString("username"), rs.getString("password_hash"),
                        Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
                        rs.getTimestamp("locked_until") != null
                                && rs.getTimestamp("locked_until").toInstant().isAfter(clock.instant())))
                .optional();
    }

    record StoredLogin(String username, String passwordHash, Role role, boolean enabled, boolean locked) {}

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), Role.valueOf(rs.getString("role")), rs.getObject("professional_id", UUID.class),
                rs.getBoolean("enabled"));
    }
}
