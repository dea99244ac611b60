package org.telestation.station.media;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TYPES = {"media-request", "answer", "candidate", "hangup", "snapshot", "offer", "x"};
    private static final String[] FIELDS = {"session", "sdp", "candidate", "sdpMid", "sdpMLineIndex", "iceServers"};

    /**
     * Structure-aware: Jackson is not instrumented, so raw text rarely gets past the parser; this builds messages of
     * the known types with fuzzed field values and kinds (text, number, array, object, null).
     */
    @FuzzTest(maxDuration = "60s")
    void structuredSignal(FuzzedDataProvider data) {
        ObjectNode m = JSON.createObjectNode().put("type", data.pickValue(TYPES));
        int fields = data.consumeInt(0, 6);
        for (int i = 0; i < fields; i++) {
            String name = data.pickValue(FIELDS);
            switch (data.consumeInt(0, 4)) {
                case 0 -> m.put(name, data.consumeString(200));
                case 1 -> m.put(name, data.consumeLong());
                case 2 -> m.set(name, iceServerArray(data));
                case 3 -> m.putObject(name).put("urls", data.consumeString(50));
                default -> m.putNull(name);
            }
        }
        ControlMessage.parse(m.toString()).ifPresent(PUBLISHER::handle);
        if (PUBLISHER.sessionCount() != 0) throw new AssertionError("a session opened without media");
    }

    @FuzzTest(maxDuration = "60s")
    void structuredIceServers(FuzzedDataProvider data) {
        checkIceServers(IceServers.parse(iceServerArray(data)));
    }

    private static ArrayNode iceServerArray(FuzzedDataProvider data) {
        ArrayNode array = JSON.createArrayNode();
        int n = data.consumeInt(0, 12);
        for (int i = 0; i < n; i++) {
            switch (data.consumeInt(0, 3)) {
                case 0 -> array.add(data.consumeString(40));
                case 1 -> {
                    ObjectNode e = array.addObject().put("urls", data.pickValue(new String[] {"stun:", "turn:",
                            "turns:", "http:", "STUN:", ""}) + data.consumeString(600));
                    if (data.consumeBoolean()) e.put("username", data.consumeString(40));
                    if (data.consumeBoolean()) e.put("credential", data.consumeString(40));
                }
                case 2 -> {
                    ArrayNode urls = array.addObject().putArray("urls");
                    int k = data.consumeInt(0, 12);
                    for (int j = 0; j < k; j++) {
                        if (data.consumeBoolean()) urls.add(data.consumeInt()); else urls.add(data.consumeString(30));
                    }
                }
                default -> array.addNull();
            }
        }
        return array;
    }

    private static void checkIceServers(List<RTCIceServer> servers) {
        if (servers.size() > IceServers.MAX_SERVERS) throw new AssertionError("too many servers kept");
        for (RTCIceServer s : servers) {
            if (s.urls.isEmpty() || s.urls.size() > IceServers.MAX_URLS) throw new AssertionError("urls " + s.urls);
            for (String url : s.urls) {
                if (!url.matches("(?is)(stun|turns?):.*") || url.length() > 512) {
                    throw new AssertionError("url kept: " + url);
                }
            }
        }
    }

    @FuzzTest(maxDuration = "60s")
    void opusParameters(String sdp) {
        String out = OpusClinicalParameters.apply(sdp); // nothing may escape
        if (sdp == null) return;
        int linesIn = sdp.split("\r?\n", -1).length;
        int linesOut = out.split("\r?\n", -1).length;
        if (linesOut != linesIn && linesOut != linesIn + 1) throw new AssertionError("lines " + linesIn + " -> " + linesOut);
        if (!out.equals(sdp) && !out.contains("stereo=1")) throw new AssertionError("changed without stereo=1");
    }

    @FuzzTest(maxDuration = "60s")
    void iceServers(String text) {
        ControlMessage.parse(text).ifPresent(m -> checkIceServers(IceServers.parse(m.body().get("iceServers"))));
    }
}
