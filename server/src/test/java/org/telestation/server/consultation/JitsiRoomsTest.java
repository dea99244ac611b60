package org.telestation.server.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.telestation.server.testsupport.MutableClock;

/** Jitsi tokens (standards.md §7.1, §7.2) verified with nimbus-jose-jwt, and the IFrame API page configuration (§7.4). */
class JitsiRoomsTest {
    static final String SECRET = "0123456789abcdef0123456789abcdef-jitsi-test";
    static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    final MutableClock clock = new MutableClock(NOW, ZoneOffset.UTC);
    final JitsiRooms rooms = new JitsiRooms(new VideoProperties(null, new VideoProperties.Jitsi(true,
            "meet.cpts.example.fr", "telestation", SECRET, Duration.ofMinutes(90)), null), clock);
    final Consultation consultation = new Consultation(UUID.randomUUID(), UUID.randomUUID(), null, null, null,
            Consultation.Place.SITE, false, ConsultationStatus.IN_PROGRESS, true, "QUAL", true,
            Consultation.DmpChoice.CONSENT, "Toux", "ide", "dr", "Dr Dubois", "tc-7f3c2a9e4b1d0a2b3c4d", NOW, NOW,
            NOW, null, null);

    private SignedJWT verified(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.verify(new MACVerifier(SECRET))).as("signature with the prosody app_secret").isTrue();
        assertThat(jwt.verify(new MACVerifier(SECRET.replace('0', '1')))).as("another secret").isFalse();
        return jwt;
    }

    @Test
    void doctorIsOwnerWithTheRoomClaimsAndAShortLife() throws Exception {
        SignedJWT jwt = verified(rooms.token(consultation, JitsiRooms.Participant.DOCTOR, "dr", "Dr Dubois"));
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("telestation");
        assertThat(claims.getAudience()).containsExactly("telestation");
        assertThat(claims.getSubject()).isEqualTo("meet.cpts.example.fr");
        assertThat(claims.getStringClaim("room")).isEqualTo("tc-7f3c2a9e4b1d0a2b3c4d");
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(90)));
        assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(NOW.minus(JitsiRooms.NOT_BEFORE_MARGIN));
        Map<String, Object> context = claims.getJSONObjectClaim("context");
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) context.get("user");
        assertThat(user).containsEntry("id", "dr").containsEntry("name", "Dr Dubois")
                .containsEntry("affiliation", "owner").containsEntry("lobby_bypass", true);
        assertThat(context.get("room")).isEqualTo(Map.of("lobby", true));
        assertThat(context.get("features")).isEqualTo(Map.of("recording", "false", "livestreaming", "false",
                "transcription", "false"));
    }

    @Test
    void nurseBypassesTheLobbyAndAGuestWaitsInIt() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> nurse = (Map<String, Object>) verified(rooms.token(consultation,
                JitsiRooms.Participant.NURSE, "ide", "IDE chariot 3")).getJWTClaimsSet()
                .getJSONObjectClaim("context").get("user");
        assertThat(nurse).containsEntry("affiliation", "member").containsEntry("lobby_bypass", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> guest = (Map<String, Object>) verified(rooms.token(consultation,
                JitsiRooms.Participant.GUEST, "guest-interpreter", "Interprète")).getJWTClaimsSet()
                .getJSONObjectClaim("context").get("user");
        assertThat(guest).containsEntry("affiliation", "member").doesNotContainKey("lobby_bypass");
    }

    @Test
    void tokensIssuedLaterExpireLater() throws Exception {
        Instant first = verified(rooms.token(consultation, JitsiRooms.Participant.NURSE, "ide", "IDE"))
                .getJWTClaimsSet().getExpirationTime().toInstant();
        clock.advance(Duration.ofMinutes(30));
        Instant second = verified(rooms.token(consultation, JitsiRooms.Participant.NURSE, "ide", "IDE"))
                .getJWTClaimsSet().getExpirationTime().toInstant();
        assertThat(Duration.between(first, second)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void pageConfigurationForTheIframeApi() throws Exception {
        Map<String, Object> page = rooms.pageConfig(consultation, JitsiRooms.Participant.DOCTOR, "dr", "Dr Dubois");
        assertThat(page).containsEntry("domain", "meet.cpts.example.fr")
                .containsEntry("scriptUrl", "https://meet.cpts.example.fr/external_api.js")
                .containsEntry("moderator", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> options = (Map<String, Object>) page.get("options");
        assertThat(options).containsEntry("roomName", "tc-7f3c2a9e4b1d0a2b3c4d").containsEntry("lang", "fr")
                .containsEntry("userInfo", Map.of("displayName", "Dr Dubois")).doesNotContainKey("parentNode");
        @SuppressWarnings("unchecked")
        Map<String, Object> english = (Map<String, Object>) rooms.pageConfig(consultation,
                JitsiRooms.Participant.DOCTOR, "dr", "Dr Dubois", java.util.Locale.ENGLISH).get("options");
        assertThat(english).as("the meeting follows the page's language").containsEntry("lang", "en");
        assertThat(options.get("configOverwrite")).isEqualTo(Map.of("prejoinPageEnabled", false,
                "disableDeepLinking", true, "startWithAudioMuted", false, "startWithVideoMuted", false));
        SignedJWT jwt = verified((String) options.get("jwt"));
        assertThat(jwt.getJWTClaimsSet().getStringClaim("room")).isEqualTo(options.get("roomName"));
    }

    @Test
    void refusesAShortSecretAndWorksOnlyWhenEnabled() {
        JitsiRooms weak = new JitsiRooms(new VideoProperties(null, new VideoProperties.Jitsi(true, "meet.example.fr",
                "telestation", "short", null), null), clock);
        assertThatThrownBy(() -> weak.token(consultation, JitsiRooms.Participant.DOCTOR, "dr", "Dr"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
        JitsiRooms off = new JitsiRooms(new VideoProperties(new VideoProperties.Webrtc(List.of()), null, null),
                clock);
        assertThat(off.enabled()).isFalse();
        assertThatThrownBy(() -> off.token(consultation, JitsiRooms.Participant.DOCTOR, "dr", "Dr"))
                .isInstanceOf(IllegalStateException.class);
    }
}
