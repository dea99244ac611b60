package org.telestation.server.consultation;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code telestation.webrtc.*}: the STUN/TURN servers handed to both ends of a clinical media session (the station
 * and the viewer's browser). Empty by default: host candidates only, enough on one network. Example:
 * <pre>
 * telestation.webrtc.ice-servers[0].urls=stun:turn.example.org:3478
 * telestation.webrtc.ice-servers[1].urls=turns:turn.example.org:5349?transport=tcp
 * telestation.webrtc.ice-servers[1].username=…
 * telestation.webrtc.ice-servers[1].credential=…
 * </pre>
 */
@ConfigurationProperties("telestation.webrtc")
public record WebRtcProperties(List<IceServer> iceServers) {
    public WebRtcProperties {
        iceServers = iceServers == null ? List.of() : List.copyOf(iceServers);
    }

    /** One entry of RTCConfiguration.iceServers, as browsers take it. */
    public record IceServer(List<String> urls, String username, String credential) {
        public IceServer {
            urls = urls == null ? List.of() : List.copyOf(urls);
        }
    }
}
