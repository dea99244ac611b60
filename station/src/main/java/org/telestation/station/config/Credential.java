package org.telestation.station.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The station's long-lived credential: its code and the secret the server gave at enrolment. Sent as
 * {@code Authorization: Bearer <code>:<secret>}. The file is created with permissions 0600 from the start (never
 * written world-readable then narrowed) and replaced atomically.
 */
public record Credential(String stationCode, String secret) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Credential {
        Objects.requireNonNull(stationCode, "stationCode");
        Objects.requireNonNull(secret, "secret");
    }

    public String bearer() {
        return stationCode + ":" + secret;
    }

    public static Credential read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String code = p.getProperty("stationCode");
        String secret = p.getProperty("secret");
        if (code == null || secret == null) throw new IOException("credential file " + file + " is incomplete");
        return new Credential(code, secret);
    }

    public void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".credential", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Properties p = new Properties();
            p.setProperty("stationCode", stationCode);
            p.setProperty("secret", secret);
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Telestation station credential: keep secret");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Exchanges a one-time enrolment code for the credential: {@code POST {server}/api/station/enrol}
     * {@code {"stationCode":…, "enrolmentCode":…}} → {@code {"secret":…}}.
     */
    public static Credential enrol(HttpClient http, URI serverUrl, String stationCode, String enrolmentCode)
            throws IOException, InterruptedException {
        String body = JSON.createObjectNode().put("stationCode", stationCode).put("enrolmentCode", enrolmentCode)
                .toString();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(serverUrl.resolve("/api/station/enrol"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("enrolment refused by the server (HTTP " + response.statusCode()
                    + "): check the station code and ask the coordinator for a new enrolment code");
        }
        JsonNode secret;
        try {
            secret = JSON.readTree(response.body()).get("secret");
        } catch (IOException e) {
            throw new IOException("enrolment answer is not JSON", e);
        }
        if (secret == null || !secret.isTextual() || secret.asText().isBlank()) {
            throw new IOException("enrolment answer has no secret");
        }
        return new Credential(stationCode, secret.asText());
    }
}
