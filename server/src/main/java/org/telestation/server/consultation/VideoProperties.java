package org.telestation.server.consultation;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Conversation video settings. Built-in WebRTC (browser ↔ browser, signalling through the server) is the default;
 * Jitsi Meet replaces it when {@code telestation.jitsi.enabled} is true.
 *
 * @param iceServers {@code telestation.webrtc.ice-servers}: STUN/TURN servers handed to the browsers as is
 * @param jitsi      {@code telestation.jitsi.*}
 * @param invitationValidity how long a third participant's one-time link stays valid
 */
@ConfigurationProperties("telestation")
public record VideoProperties(Webrtc webrtc, Jitsi jitsi, Duration invitationValidity) {

    public VideoProperties {
        if (webrtc == null) webrtc = new Webrtc(List.of());
        if (jitsi == null) jitsi = new Jitsi(false, null, null, null, null);
        if (invitationValidity == null) invitationValidity = Duration.ofHours(2);
    }

    /** One RTCIceServer as the browser's RTCPeerConnection takes it. */
    public record IceServer(List<String> urls, String username, String credential) {
    }

    public record Webrtc(List<IceServer> iceServers) {
        public Webrtc {
            iceServers = iceServers == null ? List.of() : List.copyOf(iceServers);
        }
    }

    /**
     * Self-hosted Jitsi Meet with prosody {@code token} authentication (standards.md §7.1).
     *
     * @param domain     e.g. meet.example.fr: {@code https://<domain>/external_api.js} and the token's {@code sub}
     * @param appId      prosody {@code app_id}: the token's {@code iss} and {@code aud}
     * @param appSecret  prosody {@code app_secret} (HS256), at least 32 bytes; from the environment, never a file
     * @param tokenValidity how long a token is valid after it is issued
     */
    public record Jitsi(boolean enabled, String domain, String appId, String appSecret, Duration tokenValidity) {
        public Jitsi {
            if (tokenValidity == null) tokenValidity = Duration.ofHours(2);
        }
    }
}
