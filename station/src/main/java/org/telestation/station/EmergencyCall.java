package org.telestation.station;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The emergency button: {@code POST /api/station/emergency} with the station's credential. The server alerts the
 * site's on-call doctor and answers with their name and phone, shown to the nurse at once.
 */
public final class EmergencyCall {
    /** @param phone the on-call doctor's number, or null when the server could not be reached or has none */
    public record Result(boolean alerted, String doctor, String phone, String error) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final URI uri;
    private final String bearer;

    public EmergencyCall(HttpClient http, URI serverUrl, String bearer) {
        this.http = http;
        this.uri = serverUrl.resolve("/api/station/emergency");
        this.bearer = bearer;
    }

    public Result raise() {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + bearer).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200 || r.body().length > 16 * 1024) {
                return new Result(false, null, null, "le serveur a refusé l'alerte (" + r.statusCode() + ")");
            }
            JsonNode n = JSON.readTree(r.body());
            boolean alerted = n.path("emailed").asBoolean(false) || n.path("texted").asBoolean(false);
            return new Result(alerted, n.path("onCallDoctor").asText(null), n.path("onCallPhone").asText(null),
                    alerted ? null : "aucun médecin de garde n'a pu être prévenu");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, null, null, "interrompu");
        } catch (Exception e) {
            return new Result(false, null, null, "serveur injoignable : appelez le 15");
        }
    }
}
