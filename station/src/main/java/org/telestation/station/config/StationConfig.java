package org.telestation.station.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The agent's configuration: a properties file, overridden key by key by environment variables (the key in upper
 * case with '.' and '-' turned into '_': {@code telestation.server.url} ← {@code TELESTATION_SERVER_URL}), then by
 * {@code --set key=value} on the command line. Every key is listed in docs/station.md.
 */
public final class StationConfig {
    private final Map<String, String> values;

    private StationConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static StationConfig load(Path file, Map<String, String> environment, Map<String, String> overrides)
            throws IOException {
        Map<String, String> merged = new TreeMap<>(defaults());
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            for (String k : p.stringPropertyNames()) merged.put(k, p.getProperty(k).trim());
        }
        for (var e : environment.entrySet()) {
            String key = environmentKeyToProperty(e.getKey(), merged);
            if (key != null) merged.put(key, e.getValue());
        }
        merged.putAll(overrides);
        return new StationConfig(merged);
    }

    public static StationConfig of(Map<String, String> values) {
        Map<String, String> merged = new TreeMap<>(defaults());
        merged.putAll(values);
        return new StationConfig(merged);
    }

    static Map<String, String> defaults() {
        Map<String, String> d = new HashMap<>();
        d.put("telestation.server.url", "http://localhost:8080");
        d.put("telestation.credential.file", "data/station/credential.properties");
        d.put("telestation.outbox.file", "data/station/outbox.db");
        d.put("telestation.outbox.max-items", "100000");
        d.put("telestation.outbox.min-free-disk-mb", "200");
        // The server's own per-item maximum (32 MiB); see Outbox.DEFAULT_MAX_ITEM_BYTES.
        d.put("telestation.outbox.max-item-bytes", "33554432");
        d.put("telestation.ui.port", "8081");
        d.put("telestation.ui.bind", "127.0.0.1");
        d.put("telestation.link.heartbeat-ms", "5000");
        d.put("telestation.retry.base-ms", "500");
        d.put("telestation.retry.max-ms", "30000");
        d.put("telestation.live.batch-ms", "40");
        d.put("telestation.upload.timeout-ms", "30000");
        return d;
    }

    /**
     * Keys the agent reads that have no default, so that an environment variable can set them even when the file
     * does not name them. Device keys ({@code telestation.device.<name>.*}) are not here: their names are the
     * operator's, so only a key the file already names can be overridden from the environment.
     */
    private static final List<String> KEYS_WITHOUT_DEFAULT = List.of(
            "telestation.station.code", "telestation.enrolment.code",
            "telestation.discovery.serial-ports",
            "telestation.demo", "telestation.demo.dir", "telestation.demo.simulate-ble",
            "telestation.media.camera", "telestation.media.stethoscope", "telestation.media.width",
            "telestation.media.height", "telestation.media.fps", "telestation.media.ice-address-families");

    /** Every key the agent reads, except the device keys (docs/station.md §Configuration). */
    public static Set<String> knownKeys() {
        Set<String> keys = new TreeSet<>(defaults().keySet());
        keys.addAll(KEYS_WITHOUT_DEFAULT);
        return keys;
    }

    /** Maps TELESTATION_SERVER_URL to the known key telestation.server.url; a device key the file names likewise. */
    private static String environmentKeyToProperty(String envKey, Map<String, String> defaultsAndFile) {
        if (!envKey.startsWith("TELESTATION_")) return null;
        for (String k : defaultsAndFile.keySet()) {
            if (toEnv(k).equals(envKey)) return k;
        }
        for (String k : KEYS_WITHOUT_DEFAULT) {
            if (toEnv(k).equals(envKey)) return k;
        }
        return null;
    }

    static String toEnv(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** This configuration with some keys added or replaced (demo mode adds its devices this way). */
    public StationConfig with(Map<String, String> more) {
        Map<String, String> merged = new TreeMap<>(values);
        merged.putAll(more);
        return new StationConfig(merged);
    }

    /** The keys this configuration holds a value for (defaults included). */
    Set<String> keys() {
        return new TreeSet<>(values.keySet());
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(get(key));
    }

    public String get(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? null : v;
    }

    public String require(String key) {
        String v = get(key);
        if (v == null) throw new IllegalArgumentException("missing configuration " + key + " (or " + toEnv(key) + ")");
        return v;
    }

    public int intValue(String key) {
        try {
            return Integer.parseInt(require(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("configuration " + key + " must be a whole number", e);
        }
    }

    public URI serverUrl() {
        URI uri = URI.create(require("telestation.server.url"));
        String scheme = uri.getScheme();
        boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
        if (!"https".equals(scheme) && !("http".equals(scheme) && local)) {
            throw new IllegalArgumentException("telestation.server.url must be https:// (http:// only for localhost)");
        }
        return uri;
    }

    public Path credentialFile() {
        return Path.of(require("telestation.credential.file"));
    }

    public Path outboxFile() {
        return Path.of(require("telestation.outbox.file"));
    }

    public Duration duration(String key) {
        return Duration.ofMillis(intValue(key));
    }

    /** The {@code telestation.device.<name>.*} groups, in name order. */
    public List<DeviceConfig> devices() {
        Map<String, Map<String, String>> byName = new TreeMap<>();
        String prefix = "telestation.device.";
        for (var e : values.entrySet()) {
            if (!e.getKey().startsWith(prefix)) continue;
            String rest = e.getKey().substring(prefix.length());
            int dot = rest.indexOf('.');
            if (dot <= 0) continue;
            byName.computeIfAbsent(rest.substring(0, dot), n -> new HashMap<>()).put(rest.substring(dot + 1), e.getValue());
        }
        List<DeviceConfig> devices = new ArrayList<>();
        for (var e : byName.entrySet()) {
            Map<String, String> o = new HashMap<>(e.getValue());
            String protocol = o.remove("protocol");
            if (protocol == null) throw new IllegalArgumentException("device " + e.getKey() + " has no protocol");
            devices.add(new DeviceConfig(e.getKey(), protocol, o.remove("port"), o.remove("ble-address"),
                    o.remove("ble-service"), o));
        }
        return devices;
    }
}
