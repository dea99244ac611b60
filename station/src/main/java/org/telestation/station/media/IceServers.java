package org.telestation.station.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onvoid.webrtc.RTCIceServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the STUN/TURN servers the server hands out with each media request ({@code telestation.webrtc.ice-servers}
 * on the server): {@code [{"urls":["stun:…"|"turn:…"|"turns:…"], "username":…, "credential":…}]}. Entries with an
 * unknown scheme are skipped, never fatal: the worst case is a host-candidate-only session.
 */
final class IceServers {
    static final int MAX_SERVERS = 8;
    static final int MAX_URLS = 8;

    private IceServers() {
    }

    static List<RTCIceServer> parse(JsonNode array) {
        List<RTCIceServer> out = new ArrayList<>();
        if (array == null || !array.isArray()) return out;
        for (JsonNode entry : array) {
            if (out.size() == MAX_SERVERS) break;
            List<String> urls = new ArrayList<>();
            JsonNode u = entry.path("urls");
            if (u.isTextual()) {
                addUrl(urls, u.asText());
            } else if (u.isArray()) {
                for (JsonNode url : u) if (url.isTextual() && urls.size() < MAX_URLS) addUrl(urls, url.asText());
            }
            if (urls.isEmpty()) continue;
            RTCIceServer server = new RTCIceServer();
            server.urls = urls;
            if (entry.path("username").isTextual()) server.username = entry.get("username").asText();
            if (entry.path("credential").isTextual()) server.password = entry.get("credential").asText();
            out.add(server);
        }
        return out;
    }

    private static void addUrl(List<String> urls, String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (url.length() <= 512 && (lower.startsWith("stun:") || lower.startsWith("turn:")
                || lower.startsWith("turns:"))) {
            urls.add(url);
        }
    }
}
