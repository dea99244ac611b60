package org.telestation.station.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.telestation.station.config.StationConfig;

/** The agent's clinical media keys (docs/clinical-media.md §Configuration). */
class ClinicalMediaConfigTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void offUnlessACameraOrStethoscopeIsNamed() {
        assertThat(ClinicalMedia.fromConfig(StationConfig.of(Map.of()), http, "c:s", Clock.systemUTC(), null)).isNull();
        assertThat(ClinicalMedia.fromConfig(StationConfig.of(Map.of("telestation.media.camera", "none",
                "telestation.media.stethoscope", "none")), http, "c:s", Clock.systemUTC(), null)).isNull();
    }

    @Test
    void unknownSourcesAndBadModesAreRefusedWithTheKey() {
        assertThatThrownBy(() -> ClinicalMedia.fromConfig(StationConfig.of(Map.of("telestation.media.camera", "webcam")),
                http, "c:s", Clock.systemUTC(), null)).hasMessageContaining("telestation.media.camera");
        assertThatThrownBy(() -> ClinicalMedia.fromConfig(StationConfig.of(Map.of(
                "telestation.media.stethoscope", "usb")), http, "c:s", Clock.systemUTC(), null))
                .hasMessageContaining("telestation.media.stethoscope");
        assertThatThrownBy(() -> ClinicalMedia.fromConfig(StationConfig.of(Map.of(
                "telestation.media.camera", "otoscope-simulator", "telestation.media.width", "641")), http, "c:s",
                Clock.systemUTC(), null)).hasMessageContaining("even");
    }

    @Test
    void simulatorsGiveAPublisherWithBothTracks() {
        try (ClinicalMedia media = ClinicalMedia.fromConfig(StationConfig.of(Map.of(
                "telestation.media.camera", "otoscope-simulator", "telestation.media.stethoscope", "heart-simulator")),
                http, "c:s", Clock.systemUTC(), null)) {
            assertThat(media).isNotNull();
            assertThat(media.publisher().sessionCount()).isZero();
            assertThat(media.link().online()).isFalse(); // not started
        }
    }
}
