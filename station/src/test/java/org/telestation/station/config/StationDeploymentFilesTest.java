package org.telestation.station.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.telestation.station.source.DeviceSources;

/**
 * The systemd deployment of the station (deploy/systemd/) against what the agent reads: every variable of
 * station.env.example sets a configuration key, station.properties.example names only known keys and device
 * protocols, and the unit starts the jar with that file and the state paths it owns.
 */
class StationDeploymentFilesTest {
    static final Path SYSTEMD = Path.of("../deploy/systemd");
    static final Path ENV_EXAMPLE = SYSTEMD.resolve("station.env.example");
    static final Path PROPERTIES_EXAMPLE = SYSTEMD.resolve("station.properties.example");
    static final Path UNIT = SYSTEMD.resolve("telestation-station.service");
    static final Path HEALTH_UNIT = SYSTEMD.resolve("telestation-station-health.service");

    @Test
    void everyVariableOfTheEnvironmentFileSetsAKeyTheAgentReads() throws IOException {
        Map<String, String> env = environmentFile(ENV_EXAMPLE);
        assertThat(env).as("variables in %s", ENV_EXAMPLE).isNotEmpty();
        // Each value is replaced by a marker of its own, so that a variable is seen to take effect even when its
        // value is empty (the enrolment code) or equals the default (the screen's address).
        Map<String, String> probe = new LinkedHashMap<>();
        env.keySet().forEach(name -> probe.put(name, "set-by-" + name));

        StationConfig config = StationConfig.load(null, probe, Map.of());

        for (var variable : probe.entrySet()) {
            assertThat(variable.getKey()).as("a variable the agent could read").startsWith("TELESTATION_");
            List<String> keys = config.keys().stream()
                    .filter(k -> StationConfig.toEnv(k).equals(variable.getKey()))
                    .filter(k -> variable.getValue().equals(config.get(k)))
                    .toList();
            assertThat(keys).as("%s in %s sets no configuration key the agent reads (docs/station.md)",
                    variable.getKey(), ENV_EXAMPLE).hasSize(1);
            assertThat(StationConfig.knownKeys()).contains(keys.get(0));
        }
    }

    @Test
    void theEnvironmentFileKeepsTheStateInTheUnitsStateDirectoryAndTheScreenWhereTheHealthCheckLooks()
            throws IOException {
        StationConfig config = StationConfig.load(null, environmentFile(ENV_EXAMPLE), Map.of());
        Path stateDirectory = Path.of("/var/lib", directive(Files.readString(UNIT), "StateDirectory"));

        assertThat(config.serverUrl().getScheme()).isEqualTo("https");
        assertThat(config.credentialFile()).startsWithRaw(stateDirectory);
        assertThat(config.outboxFile()).startsWithRaw(stateDirectory);
        assertThat(Files.readString(HEALTH_UNIT)).contains("http://" + config.require("telestation.ui.bind") + ":"
                + config.intValue("telestation.ui.port") + "/health");
    }

    @Test
    void thePropertiesFileNamesOnlyKnownKeysAndDeviceProtocols() throws IOException {
        Properties raw = new Properties();
        try (Reader r = Files.newBufferedReader(PROPERTIES_EXAMPLE, StandardCharsets.UTF_8)) {
            raw.load(r);
        }
        for (String key : raw.stringPropertyNames()) {
            assertThat(StationConfig.knownKeys().contains(key) || key.startsWith("telestation.device."))
                    .as("%s in %s is not a key the agent reads", key, PROPERTIES_EXAMPLE).isTrue();
        }

        StationConfig config = StationConfig.load(PROPERTIES_EXAMPLE, environmentFile(ENV_EXAMPLE), Map.of());

        assertThat(config.devices()).extracting(DeviceConfig::protocol)
                .contains("nonin-df2", "ble-bps", "ble-plx", "ble-thermometer", "ecg", "stethoscope");
        for (DeviceConfig device : config.devices()) {
            assertThat(DeviceSources.knows(device.protocol()))
                    .as("device %s: protocol %s has no source in this version", device.name(), device.protocol())
                    .isTrue();
        }
        assertThat(config.serverUrl().getHost()).as("station.env overrides the file")
                .isEqualTo("teleconsultation.cpts-example.fr");
    }

    @Test
    void theProtocolCheckRejectsWhatTheAgentWouldShowAsUnsupported() {
        assertThat(DeviceSources.knows("nonin-df2")).isTrue();
        assertThat(DeviceSources.knows("ble-plx")).isTrue();
        assertThat(DeviceSources.knows("retinograph-folder")).isTrue();
        assertThat(DeviceSources.knows("uvc-otoscope")).isFalse();
        assertThat(DeviceSources.knows("nonin")).isFalse();
    }

    @Test
    void theUnitRunsTheJarWithTheConfigurationFileAndTheEnvironmentFile() throws IOException {
        String unit = Files.readString(UNIT);
        String execStart = directive(unit, "ExecStart");

        assertThat(execStart).contains("-jar /opt/telestation/station/telestation-station.jar")
                .contains("--config /etc/telestation/station.properties")
                .as("the agent reads no system properties").doesNotContain("-Dtelestation.");
        assertThat(directive(unit, "EnvironmentFile")).isEqualTo("/etc/telestation/station.env");
    }

    /** The value of a directive, continuation lines joined. */
    private static String directive(String unit, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "=((?:.*\\\\\\n)*.*)$").matcher(unit);
        assertThat(m.find()).as("%s= in the unit", name).isTrue();
        return m.group(1).replaceAll("\\s*\\\\\\n\\s*", " ").strip();
    }

    /** systemd's EnvironmentFile= format as these files use it: KEY=VALUE lines, '#' comments, no quoting. */
    static Map<String, String> environmentFile(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith(";")) continue;
            int eq = l.indexOf('=');
            assertThat(eq).as("KEY=VALUE line in %s: %s", file, l).isPositive();
            String value = l.substring(eq + 1).strip();
            assertThat(value).as("unquoted value (systemd would strip the quotes, this check would not)")
                    .doesNotStartWith("\"").doesNotStartWith("'");
            env.put(l.substring(0, eq).strip(), value);
        }
        return env;
    }
}
