package org.telestation.server.consultation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Jitsi Meet rooms for a consultation (standards.md §7): one room per consultation (its random {@code videoRoom}),
 * one HS256 token per participant. The doctor is {@code owner} (moderator, admits from the lobby); the nurse's cart
 * is {@code member} with {@code lobby_bypass}; an invited third participant is a {@code member} who waits in the
 * lobby until the doctor admits them. Needs the prosody plugins {@code token_affiliation} and
 * {@code token_lobby_bypass} and the lobby enabled (docs/consultation.md).
 */
@Component
public class JitsiRooms {
    /** The token is accepted a little before it is issued: clocks of the server and prosody differ. */
    static final Duration NOT_BEFORE_MARGIN = Duration.ofMinutes(1);

    public enum Participant { DOCTOR, NURSE, GUEST }

    private final VideoProperties.Jitsi settings;
    private final Clock clock;

    JitsiRooms(VideoProperties properties, Clock clock) {
        this.settings = properties.jitsi();
        this.clock = clock;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** A participant's token for the consultation's room. */
    public String token(Consultation c, Participant who, String userId, String displayName) {
        if (!settings.enabled()) throw new IllegalStateException("Jitsi is not configured");
        byte[] secret = settings.appSecret() == null ? new byte[0]
                : settings.appSecret().getBytes(StandardCharsets.UTF_8);
        Instant now = clock.instant();
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", userId);
        user.put("name", displayName);
        user.put("affiliation", who == Participant.DOCTOR ? "owner" : "member");
        if (who != Participant.GUEST) user.put("lobby_bypass", true);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("user", user);
        context.put("room", Map.of("lobby", true));
        context.put("features", Map.of("recording", "false", "livestreaming", "false", "transcription", "false"));
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.appId()).audience(settings.appId()).subject(settings.domain())
                .claim("room", c.videoRoom())
                .notBeforeTime(Date.from(now.minus(NOT_BEFORE_MARGIN)))
                .expirationTime(Date.from(now.plus(settings.tokenValidity())))
                .claim("context", context)
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                    claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("telestation.jitsi.app-secret must have at least 32 bytes", e);
        }
    }

    /**
     * The options object for {@code new JitsiMeetExternalAPI(domain, options)} (standards.md §7.4), minus
     * {@code parentNode}, which the page adds.
     */
    public Map<String, Object> pageConfig(Consultation c, Participant who, String userId, String displayName) {
        return pageConfig(c, who, userId, displayName, java.util.Locale.FRENCH);
    }

    /** @param locale the page's language: the meeting's own screens follow it (French unless English is asked). */
    public Map<String, Object> pageConfig(Consultation c, Participant who, String userId, String displayName,
                                          java.util.Locale locale) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("roomName", c.videoRoom());
        options.put("jwt", token(c, who, userId, displayName));
        options.put("width", "100%");
        options.put("height", 520);
        options.put("lang", "en".equals(locale.getLanguage()) ? "en" : "fr");
        options.put("configOverwrite", Map.of("prejoinPageEnabled", false, "disableDeepLinking", true,
                "startWithAudioMuted", false, "startWithVideoMuted", false));
        options.put("userInfo", Map.of("displayName", displayName));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("domain", settings.domain());
        page.put("scriptUrl", "https://" + settings.domain() + "/external_api.js");
        page.put("moderator", who == Participant.DOCTOR);
        page.put("options", options);
        return page;
    }
}
