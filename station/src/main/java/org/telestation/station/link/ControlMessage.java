package org.telestation.station.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A JSON control message on the live WebSocket (docs/wire-protocol.md §2). What the agent understands from the
 * server: {@code welcome}, {@code pong}, {@code error}; everything else is ignored, never fatal.
 *
 * @param type    the message type
 * @param body    the whole message
 */
public record ControlMessage(String type, JsonNode body) {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Control messages are small; a larger text is not one of ours. */
    public static final int MAX_TEXT_CHARS = 64 * 1024;

    /**
     * Reads a text frame from the server. Returns empty for anything that is not a JSON object with a string
     * {@code type}: the server (or whatever sits in between) cannot crash the agent with bad input.
     */
    public static Optional<ControlMessage> parse(String text) {
        if (text == null || text.length() > MAX_TEXT_CHARS) return Optional.empty();
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) return Optional.empty();
            JsonNode type = node.get("type");
            if (type == null || !type.isTextual()) return Optional.empty();
            return Optional.of(new ControlMessage(type.asText(), node));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** A long field, or {@code fallback} when it is missing or not an integral number. */
    public long longField(String name, long fallback) {
        JsonNode n = body.get(name);
        return n != null && n.canConvertToLong() && n.isIntegralNumber() ? n.asLong() : fallback;
    }

    public String textField(String name) {
        JsonNode n = body.get(name);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    public static ObjectNode object(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    public static String write(JsonNode node) {
        return node.toString();
    }
}
