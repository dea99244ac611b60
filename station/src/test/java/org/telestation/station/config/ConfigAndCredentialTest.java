package org.telestation.station.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigAndCredentialTest {
    @TempDir Path dir;

    @Test
    void fileThenEnvironmentThenCommandLine() throws Exception {
        Path file = dir.resolve("station.properties");
        Files.writeString(file, """
                telestation.server.url=https://cpts.example.org
                telestation.ui.port=9000
                telestation.device.oximeter.protocol=nonin
                telestation.device.oximeter.port=/dev/ttyUSB0
                telestation.device.cuff.protocol=ble-bps
                telestation.device.cuff.ble-address=00:09:1F:80:00:01
                telestation.device.cuff.ble-service=0x1810
                telestation.device.cuff.pin=1234
                """);
        StationConfig c = StationConfig.load(file, Map.of("TELESTATION_UI_PORT", "9001", "TELESTATION_STATION_CODE",
                "CHR-01", "PATH", "/bin"), Map.of("telestation.outbox.max-items", "5"));
        assertThat(c.serverUrl().toString()).isEqualTo("https://cpts.example.org");
        assertThat(c.intValue("telestation.ui.port")).isEqualTo(9001);
        assertThat(c.get("telestation.station.code")).isEqualTo("CHR-01");
        assertThat(c.intValue("telestation.outbox.max-items")).isEqualTo(5);
        assertThat(c.devices()).containsExactly(
                new DeviceConfig("cuff", "ble-bps", null, "00:09:1F:80:00:01", "0x1810", Map.of("pin", "1234")),
                new DeviceConfig("oximeter", "nonin", "/dev/ttyUSB0", null, null, Map.of()));
    }

    @Test
    void plainHttpOnlyToLocalhost() {
        assertThatThrownBy(() -> StationConfig.of(Map.of("telestation.server.url", "http://cpts.example.org")).serverUrl())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        assertThat(StationConfig.of(Map.of("telestation.server.url", "http://localhost:8080")).serverUrl().getPort())
                .isEqualTo(8080);
    }

    @Test
    void credentialFileIsOwnerOnly() throws Exception {
        Path file = dir.resolve("sub/credential.properties");
        new Credential("CHR-01", "s3cr3t").write(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Credential.read(file)).isEqualTo(new Credential("CHR-01", "s3cr3t"));
        assertThat(Credential.read(file).bearer()).isEqualTo("CHR-01:s3cr3t");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file left behind").hasSize(1);
        }
    }
}
