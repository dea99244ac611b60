package org.telestation.server.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/** The relay's routing and checks, with recording sockets in place of real connections. */
class MediaSignallingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MediaSignalling relay = new MediaSignalling(new WebRtcProperties(List.of(
            new WebRtcProperties.IceServer(List.of("stun:stun.example.org:3478"), null, null))));
    private final UUID stationA = UUID.randomUUID();
    private final UUID stationB = UUID.randomUUID();

    @Test
    void viewerGetsItsConfigAndTheStationGetsAMediaRequestWithTheIceServers() throws Exception {
        RecordingSocket station = new RecordingSocket();
        relay.stationConnected(stationA, station);
        RecordingSocket viewer = new RecordingSocket();
        String session = relay.viewerConnected(stationA, viewer);

        assertThat(viewer.types()).containsExactly("config");
        assertThat(viewer.last().get("session").asText()).isEqualTo(session);
        assertThat(viewer.last().get("iceServers").get(0).get("urls").get(0).asText())
                .isEqualTo("stun:stun.example.org:3478");
        assertThat(station.types()).containsExactly("media-request");
        assertThat(station.last().get("session").asText()).isEqualTo(session);
        assertThat(station.last().get("iceServers").size()).isEqualTo(1);
    }

    @Test
    void aViewerWaitingForAnOfflineStationIsToldAndAskedForAgainWhenItConnects() throws Exception {
        RecordingSocket viewer = new RecordingSocket();
        String session = relay.viewerConnected(stationA, viewer);
        assertThat(viewer.types()).containsExactly("config", "station-offline");

        RecordingSocket station = new RecordingSocket();
        relay.stationConnected(stationA, station);
        assertThat(station.types()).containsExactly("media-request");
        assertThat(station.last().get("session").asText()).isEqualTo(session);
    }

    @Test
    void messagesOnlyReachTheirOwnSessionAndStation() throws Exception {
        RecordingSocket a = new RecordingSocket();
        RecordingSocket b = new RecordingSocket();
        relay.stationConnected(stationA, a);
        relay.stationConnected(stationB, b);
        RecordingSocket viewerA = new RecordingSocket();
        RecordingSocket viewerB = new RecordingSocket();
        String sessionA = relay.viewerConnected(stationA, viewerA);
        String sessionB = relay.viewerConnected(stationB, viewerB);

        // Station A tries to speak to station B's viewer: dropped silently.
        assertThat(relay.fromStation(stationA, a, offer(sessionB), 0, Clock.systemUTC())).isTrue();
        assertThat(viewerB.types()).doesNotContain("offer");
        // Its own viewer gets it.
        relay.fromStation(stationA, a, offer(sessionA), 0, Clock.systemUTC());
        assertThat(viewerA.last().get("type").asText()).isEqualTo("offer");

        // Viewer A names B's session: the relay stamps A's own session and sends to station A only.
        relay.fromViewer(sessionA, "{\"type\":\"answer\",\"session\":\"" + sessionB + "\",\"sdp\":\"v=0\\r\\n\"}");
        assertThat(a.last().get("type").asText()).isEqualTo("answer");
        assertThat(a.last().get("session").asText()).isEqualTo(sessionA);
        assertThat(b.types()).doesNotContain("answer");

        // A viewer may not send what only stations send.
        assertThat(relay.fromViewer(sessionA, offer(sessionA))).isFalse();
        assertThat(relay.fromViewer(sessionA, "{\"type\":\"media-request\"}")).isFalse();

        // Leaving hangs up at the station.
        relay.viewerDisconnected(sessionA);
        assertThat(a.last().get("type").asText()).isEqualTo("hangup");
    }

    @Test
    void theStationLinkHeartbeatIsAnsweredWithServerTimes() throws Exception {
        RecordingSocket station = new RecordingSocket();
        relay.stationConnected(stationA, station);
        assertThat(relay.fromStation(stationA, station, "{\"type\":\"ping\",\"id\":3,\"t0\":1000}", 1234,
                Clock.systemUTC())).isTrue();
        JsonNode pong = station.last();
        assertThat(pong.get("type").asText()).isEqualTo("pong");
        assertThat(pong.get("id").asLong()).isEqualTo(3);
        assertThat(pong.get("t1").asLong()).isEqualTo(1234);
        assertThat(relay.fromStation(stationA, station, "{\"type\":\"hello\",\"agent\":\"x\"}", 0, Clock.systemUTC()))
                .isTrue();
    }

    @Test
    void aStationServesAtMostFourViewers() {
        for (int i = 0; i < MediaSignalling.MAX_VIEWERS_PER_STATION; i++) {
            assertThat(relay.viewerConnected(stationA, new RecordingSocket())).isNotNull();
        }
        assertThat(relay.viewerConnected(stationA, new RecordingSocket())).isNull();
    }

    @Test
    void hostileTextIsRefusedAndNeverThrows() {
        String big = "x".repeat(MediaSignalling.MAX_SDP_CHARS + 1);
        List<String> hostile = new ArrayList<>(List.of("", "null", "[]", "{}", "{\"type\":1}", "{\"type\":\"offer\"}",
                "{\"type\":\"offer\",\"sdp\":\"not sdp\"}", "{\"type\":\"offer\",\"sdp\":\"v=0" + big + "\"}",
                "{\"type\":\"candidate\",\"candidate\":7}", "{\"type\":\"offer\",\"session\":{},\"sdp\":\"v=0\"}",
                "{\"type\":\"ping\",\"id\":\"1\",\"t0\":2}", "{\"type\":\"ping\",\"id\":1e300,\"t0\":2}",
                "{\"type\":\"snapshot-stored\"}", "{\"type\":\"offer\",\"sdp\":\"v=0\"", "\u0000\uFFFF"));
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[random.nextInt(200)];
            random.nextBytes(b);
            hostile.add(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        for (String text : hostile) {
            assertThat(relay.checked(text, java.util.Set.of("offer", "answer", "candidate", "ping",
                    "snapshot-stored"))).as(text.length() > 80 ? text.substring(0, 80) : text).isNull();
        }
        // A well-formed candidate keeps only the known fields.
        JsonNode ok = relay.checked("{\"type\":\"candidate\",\"candidate\":\"candidate:1 1 udp 1 192.0.2.2 9 typ host\","
                + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"evil\":\"<script>\"}", java.util.Set.of("candidate"));
        assertThat(ok).isNotNull();
        assertThat(ok.has("evil")).isFalse();
    }

    private static String offer(String session) {
        return "{\"type\":\"offer\",\"session\":\"" + session + "\",\"sdp\":\"v=0\\r\\n\"}";
    }

    /** Records what the relay sends; enough of a WebSocketSession for it. */
    static final class RecordingSocket implements WebSocketSession {
        final List<JsonNode> sent = new ArrayList<>();
        final Map<String, Object> attributes = new HashMap<>();
        boolean open = true;

        List<String> types() {
            return sent.stream().map(n -> n.get("type").asText()).toList();
        }

        JsonNode last() {
            return sent.get(sent.size() - 1);
        }

        @Override public void sendMessage(WebSocketMessage<?> message) {
            try {
                sent.add(JSON.readTree(((TextMessage) message).getPayload()));
            } catch (Exception e) {
                throw new AssertionError("relay sent malformed JSON", e);
            }
        }
        @Override public boolean isOpen() { return open; }
        @Override public void close() { open = false; }
        @Override public void close(CloseStatus status) { open = false; }
        @Override public String getId() { return "rec"; }
        @Override public URI getUri() { return null; }
        @Override public HttpHeaders getHandshakeHeaders() { return new HttpHeaders(); }
        @Override public Map<String, Object> getAttributes() { return attributes; }
        @Override public Principal getPrincipal() { return null; }
        @Override public InetSocketAddress getLocalAddress() { return null; }
        @Override public InetSocketAddress getRemoteAddress() { return null; }
        @Override public String getAcceptedProtocol() { return null; }
        @Override public void setTextMessageSizeLimit(int limit) { }
        @Override public int getTextMessageSizeLimit() { return 0; }
        @Override public void setBinaryMessageSizeLimit(int limit) { }
        @Override public int getBinaryMessageSizeLimit() { return 0; }
        @Override public List<WebSocketExtension> getExtensions() { return List.of(); }
    }
}
