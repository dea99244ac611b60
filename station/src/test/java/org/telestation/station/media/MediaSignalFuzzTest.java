package org.telestation.station.media;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.onvoid.webrtc.RTCIceServer;
import java.util.List;
import org.telestation.station.link.ControlMessage;

/**
 * Signalling text from the server (or anything between it and the station) must never crash the publisher: unknown,
 * malformed or hostile messages are ignored or answered with a media-error. Corpus under
 * src/test/resources/org/telestation/station/media/MediaSignalFuzzTestInputs/.
 */
class MediaSignalFuzzTest {
    /** No camera, no stethoscope: every path but the native peer connection itself (ClinicalMediaTest covers it). */
    private static final ClinicalMediaPublisher PUBLISHER = new ClinicalMediaPublisher(null, null, null, json -> {
        if (ControlMessage.parse(json).isEmpty()) throw new AssertionError("publisher sent malformed JSON: " + json);
    });

    @FuzzTest(maxDuration = "60s")
    void signal(String text) {
        ControlMessage.parse(text).ifPresent(PUBLISHER::handle); // nothing may escape
        if (PUBLISHER.sessionCount() != 0) throw new AssertionError("a session opened without media");
    }

    @FuzzTest(maxDuration = "60s")
    void iceServers(String text) {
        ControlMessage.parse(text).ifPresent(m -> {
            List<RTCIceServer> servers = IceServers.parse(m.body().get("iceServers"));
            if (servers.size() > IceServers.MAX_SERVERS) throw new AssertionError("too many servers kept");
            for (RTCIceServer s : servers) {
                if (s.urls.isEmpty() || s.urls.size() > IceServers.MAX_URLS) throw new AssertionError("urls " + s.urls);
                for (String url : s.urls) {
                    if (!url.matches("(?is)(stun|turns?):.*")) throw new AssertionError("scheme kept: " + url);
                }
            }
        });
    }
}
