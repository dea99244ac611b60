package org.telestation.server.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code telestation.webrtc.ice-servers} binds the way docs/clinical-media.md shows, and reaches the JSON as given. */
class WebRtcPropertiesTest {

    @Test
    void iceServersBindFromPropertiesAndGoOutAsBrowsersTakeThem() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "telestation.webrtc.ice-servers[0].urls[0]", "stun:turn.example.org:3478",
                "telestation.webrtc.ice-servers[1].urls[0]", "turns:turn.example.org:5349?transport=tcp",
                "telestation.webrtc.ice-servers[1].username", "1700000000:station",
                "telestation.webrtc.ice-servers[1].credential", "secret")));
        WebRtcProperties properties = binder.bind("telestation.webrtc", WebRtcProperties.class).get();

        assertThat(properties.iceServers()).containsExactly(
                new WebRtcProperties.IceServer(List.of("stun:turn.example.org:3478"), null, null),
                new WebRtcProperties.IceServer(List.of("turns:turn.example.org:5349?transport=tcp"), "1700000000:station",
                        "secret"));
        String json = new MediaSignalling(properties).iceServers().toString();
        assertThat(json).isEqualTo("[{\"urls\":[\"stun:turn.example.org:3478\"],\"username\":null,\"credential\":null},"
                + "{\"urls\":[\"turns:turn.example.org:5349?transport=tcp\"],\"username\":\"1700000000:station\","
                + "\"credential\":\"secret\"}]");
    }

    @Test
    void noIceServersByDefault() {
        assertThat(new WebRtcProperties(null).iceServers()).isEmpty();
        assertThat(new MediaSignalling(new WebRtcProperties(null)).iceServers().toString()).isEqualTo("[]");
    }
}
