package org.telestation.server.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telestation.server.platform.ConflictException;
import org.telestation.server.platform.NotFoundException;
import org.telestation.server.platform.Validation;

/**
 * Stations and their machine credential. The coordinator creates a station and gets a one-time enrolment code
 * (valid {@code telestation.station.enrolment-validity}, default 24 h); the agent exchanges it once for a long-lived
 * random secret. Both are stored as SHA-256 hashes: the secret has 256 bits of entropy, so a slow hash would only cost
 * time on every request without adding safety; the 50-bit enrolment code is protected by its expiry, its single use and
 * the per-address throttle of the enrolment endpoint.
 */
@Service
public class StationService {

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I
    private static final int ENROLMENT_CODE_LENGTH = 10;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration enrolmentValidity;
    private final SecureRandom random = new SecureRandom();

    StationService(JdbcClient jdbc, Clock clock,
                   @Value("${telestation.station.enrolment-validity:PT24H}") Duration enrolmentValidity) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.enrolmentValidity = enrolmentValidity;
    }

    @Transactional
    public Station.WithEnrolmentCode create(Station.Draft draft) {
        new Validation()
                .require(draft.code() != null && draft.code().trim().matches("[A-Za-z0-9-]{2,40}"), "code",
                        "directory.station.code.invalid")
                .text(draft.name(), "name", 200)
                .require(draft.kind() != null, "kind", "validation.required")
                .throwIfInvalid();
        String code = draft.code().trim().toUpperCase(java.util.Locale.ROOT);
        if (findByCode(code).isPresent()) {
            throw new ConflictException("directory.station.code.taken", "station code already used");
        }
        if (draft.siteId() != null) {
            jdbc.sql("select id from site where id = :id").param("id", draft.siteId()).query(UUID.class).optional()
                    .orElseThrow(() -> new NotFoundException("Site", draft.siteId()));
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into station(id, code, name, kind, site_id, created_at)
                values (:id, :code, :name, :kind, :site, :now)""")
                .param("id", id).param("code", code).param("name", draft.name().trim())
                .param("kind", draft.kind().name()).param("site", draft.siteId())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        String enrolmentCode = issueEnrolmentCode(id);
        return new Station.WithEnrolmentCode(get(id), enrolmentCode);
    }

    /**
     * Issues a new one-time enrolment code (the previous one stops working). The current secret keeps working until
     * the new code is exchanged, so a station can be re-enrolled without downtime.
     */
    @Transactional
    public String issueEnrolmentCode(UUID stationId) {
        get(stationId);
        StringBuilder code = new StringBuilder(ENROLMENT_CODE_LENGTH);
        for (int i = 0; i < ENROLMENT_CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        jdbc.sql("update station set enrolment_code_hash = :hash, enrolment_expires_at = :exp where id = :id")
                .param("hash", sha256(code.toString())).param("exp", Timestamp.from(clock.instant().plus(enrolmentValidity)))
                .param("id", stationId).update();
        return code.toString();
    }

    /** Exchanges a valid, unexpired enrolment code for a new secret; empty when the pair does not match. */
    @Transactional
    public Optional<Station.Credential> enrol(String stationCode, String enrolmentCode) {
        if (stationCode == null || enrolmentCode == null || stationCode.length() > 40 || enrolmentCode.length() > 64) {
            return Optional.empty();
        }
        String normalisedCode = enrolmentCode.trim().toUpperCase(java.util.Locale.ROOT).replace("-", "");
        Optional<StoredCredential> row = jdbc.sql("""
                select id, code, enrolment_code_hash, enrolment_expires_at, secret_hash, active from station
                where code = :code for update""")
                .param("code", stationCode.trim().toUpperCase(java.util.Locale.ROOT))
                .query(StationService::credential).optional();
        if (row.isEmpty() || !row.get().active() || row.get().enrolmentHash() == null
                || row.get().enrolmentExpiresAt() == null || !row.get().enrolmentExpiresAt().isAfter(clock.instant())
                || !constantTimeEquals(row.get().enrolmentHash(), sha256(normalisedCode))) {
            return Optional.empty();
        }
        String secret = newSecret();
        jdbc.sql("""
                update station set secret_hash = :secret, enrolment_code_hash = null, enrolment_expires_at = null,
                                   enrolled_at = :now where id = :id""")
                .param("secret", sha256(secret)).param("now", Timestamp.from(clock.instant()))
                .param("id", row.get().id()).update();
        return Optional.of(new Station.Credential(row.get().code(), secret));
    }

    /** The active station whose secret this is, or empty. Records when the station was last seen (per minute). */
    @Transactional
    public Optional<Station> authenticate(String stationCode, String secret) {
        if (stationCode == null || secret == null || stationCode.length() > 40 || secret.length() > 128) {
            return Optional.empty();
        }
        Optional<StoredCredential> row = jdbc.sql("""
                select id, code, enrolment_code_hash, enrolment_expires_at, secret_hash, active from station
                where code = :code""").param("code", stationCode)
                .query(StationService::credential).optional();
        if (row.isEmpty() || !row.get().active() || row.get().secretHash() == null
                || !constantTimeEquals(row.get().secretHash(), sha256(secret))) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        jdbc.sql("update station set last_seen_at = :now where id = :id and (last_seen_at is null or last_seen_at < :before)")
                .param("now", Timestamp.from(now)).param("before", Timestamp.from(now.minusSeconds(60)))
                .param("id", row.get().id()).update();
        return find(row.get().id());
    }

    /** Replaces the secret of an enrolled station (called by the station itself); the old one stops working. */
    @Transactional
    public Station.Credential rotate(UUID stationId) {
        Station station = get(stationId);
        String secret = newSecret();
        jdbc.sql("update station set secret_hash = :secret where id = :id")
                .param("secret", sha256(secret)).param("id", stationId).update();
        return new Station.Credential(station.code(), secret);
    }

    /** Revokes the secret and any pending enrolment code: the station must be enrolled again. */
    @Transactional
    public void revoke(UUID stationId) {
        get(stationId);
        jdbc.sql("""
                update station set secret_hash = null, enrolment_code_hash = null, enrolment_expires_at = null,
                                   enrolled_at = null where id = :id""")
                .param("id", stationId).update();
    }

    /**
     * Sets a known secret; for the demo profile only, so that the demo agent can start with documented credentials.
     */
    @Transactional
    public void setSecretForDemo(UUID stationId, String secret) {
        jdbc.sql("update station set secret_hash = :secret, enrolled_at = :now where id = :id")
                .param("secret", sha256(secret)).param("now", Timestamp.from(clock.instant()))
                .param("id", stationId).update();
    }

    public Optional<Station> find(UUID id) {
        return jdbc.sql("select * from station where id = :id").param("id", id).query(StationService::map).optional();
    }

    public Station get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("Station", id));
    }

    public Optional<Station> findByCode(String code) {
        return jdbc.sql("select * from station where code = :code").param("code", code)
                .query(StationService::map).optional();
    }

    public List<Station> list() {
        return jdbc.sql("select * from station order by code").query(StationService::map).list();
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private record StoredCredential(UUID id, String code, String enrolmentHash, Instant enrolmentExpiresAt,
                                    String secretHash, boolean active) {}

    private static StoredCredential credential(ResultSet rs, int row) throws SQLException {
        Timestamp exp = rs.getTimestamp("enrolment_expires_at");
        return new StoredCredential(rs.getObject("id", UUID.class), rs.getString("code"),
                rs.getString("enrolment_code_hash"), exp == null ? null : exp.toInstant(), rs.getString("secret_hash"),
                rs.getBoolean("active"));
    }

    private static Station map(ResultSet rs, int row) throws SQLException {
        return new Station(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                Station.Kind.valueOf(rs.getString("kind")), rs.getObject("site_id", UUID.class),
                rs.getString("secret_hash") != null, instant(rs, "enrolment_expires_at"), instant(rs, "enrolled_at"),
                instant(rs, "last_seen_at"), rs.getBoolean("active"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
