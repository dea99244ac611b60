package org.telestation.server.consultation;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.telestation.server.audit.AuditLog;
import org.telestation.server.measurements.StationRefs;

/**
 * Clinical-media signalling endpoints (docs/clinical-media.md). Self-contained next to the live endpoints: the
 * station authenticates on {@code /api/station/**} with its bearer credential, viewers with their session.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(WebRtcProperties.class)
class MediaSignallingConfig implements WebSocketConfigurer {
    private final MediaSignalling relay;
    private final StationRefs stations;
    private final MediaViewerPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    MediaSignallingConfig(MediaSignalling relay, StationRefs stations, MediaViewerPolicy policy, AuditLog audit,
                          Clock clock) {
        this.clock = clock;
        this.relay = relay;
        this.stations = stations;
        this.policy = policy;
        this.audit = audit;
    }

    @Bean
    static MediaSignalling mediaSignalling(WebRtcProperties properties) {
        return new MediaSignalling(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    static MediaViewerPolicy mediaViewerPolicy() {
        return MediaViewerPolicy.cliniciansOnly();
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new MediaSignallingHandlers.Station(relay, stations, clock), "/api/station/media");
        registry.addHandler(new MediaSignallingHandlers.Viewer(relay), "/ws/media/{stationId}")
                .addInterceptors(new MediaSignallingHandlers.ViewersOnly(policy, audit));
    }
}
