package org.telestation.station.media;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Random;
import org.telestation.devices.audio.AudioSource;
import org.telestation.devices.audio.HeartSoundSimulator;
import org.telestation.devices.audio.SimulatedAudioSource;
import org.telestation.devices.video.OtoscopeSimulator;
import org.telestation.devices.video.VideoMode;
import org.telestation.devices.video.VideoSource;
import org.telestation.station.config.StationConfig;
import org.telestation.station.link.Backoff;
import org.telestation.station.link.LiveLink;
import org.telestation.station.outbox.Outbox;

/**
 * The agent's clinical media, wired from its configuration: the publisher and its signalling link. Off unless
 * {@code telestation.media.camera} or {@code telestation.media.stethoscope} names a source:
 * <ul>
 *   <li>{@code telestation.media.camera}: {@code otoscope-simulator} (a UVC camera needs JavaCV capture, not written
 *       yet) or {@code none};</li>
 *   <li>{@code telestation.media.stethoscope}: {@code heart-simulator} or {@code none};</li>
 *   <li>{@code telestation.media.width}, {@code .height}, {@code .fps}: the live mode (default 640×480 at 15 fps).</li>
 *   <li>{@code telestation.media.ice-address-families}: {@code ipv4,ipv6} (default) or {@code ipv4}
 *   ({@link IceAddressFamilies}).</li>
 * </ul>
 */
public final class ClinicalMedia implements AutoCloseable {
    private final ClinicalMediaPublisher publisher;
    private final LiveLink link;

    private ClinicalMedia(ClinicalMediaPublisher publisher, LiveLink link) {
        this.publisher = publisher;
        this.link = link;
    }

    /** Returns null when the configuration asks for no clinical media. */
    public static ClinicalMedia fromConfig(StationConfig config, HttpClient http, String bearer, Clock clock,
                                           Outbox outbox) {
        String cameraKind = config.get("telestation.media.camera");
        String stethoscopeKind = config.get("telestation.media.stethoscope");
        boolean noCamera = cameraKind == null || "none".equals(cameraKind);
        boolean noStethoscope = stethoscopeKind == null || "none".equals(stethoscopeKind);
        if (noCamera && noStethoscope) return null;
        VideoMode mode = new VideoMode(intOr(config, "telestation.media.width", 640),
                intOr(config, "telestation.media.height", 480), intOr(config, "telestation.media.fps", 15));
        VideoSource camera = switch (noCamera ? "none" : cameraKind) {
            case "none" -> null;
            case "otoscope-simulator" -> new OtoscopeSimulator(mode, 1920, 1440, clock, true, 1, -1);
            default -> throw new IllegalArgumentException("telestation.media.camera: unknown source " + cameraKind);
        };
        AudioSource stethoscope = switch (noStethoscope ? "none" : stethoscopeKind) {
            case "none" -> null;
            case "heart-simulator" -> new SimulatedAudioSource(new HeartSoundSimulator(48_000, 72, true, 1), clock, true);
            default -> throw new IllegalArgumentException("telestation.media.stethoscope: unknown source "
                    + stethoscopeKind);
        };
        MediaSignallingLink.PublisherRef ref = new MediaSignallingLink.PublisherRef();
        LiveLink link = MediaSignallingLink.open(http, config.serverUrl(), bearer, clock,
                config.duration("telestation.link.heartbeat-ms"), new Backoff(config.duration("telestation.retry.base-ms"),
                        config.duration("telestation.retry.max-ms"), new Random()), ref);
        ClinicalMediaPublisher publisher = new ClinicalMediaPublisher(camera, stethoscope, outbox, link::sendText,
                IceAddressFamilies.parse(config.get("telestation.media.ice-address-families")));
        ref.set(publisher);
        return new ClinicalMedia(publisher, link);
    }

    private static int intOr(StationConfig config, String key, int fallback) {
        return config.get(key) == null ? fallback : config.intValue(key);
    }

    public void start() {
        link.start();
    }

    public ClinicalMediaPublisher publisher() {
        return publisher;
    }

    public LiveLink link() {
        return link;
    }

    @Override
    public void close() {
        link.close();
        publisher.close();
    }
}
