package org.telestation.server.consultation;

import java.time.Clock;
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
 * station authenticates on {@code /api/station/**} with its bearer credential, viewers with their session: the
 * admitting doctor's sign-in on {@code /ws/…}, an invited guest's pass on {@code /public/…}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(WebRtcProperties.class)
class MediaSignallingConfig implements WebSocketConfigurer {
    private final MediaSignalling relay;
    private final StationRefs stations;
    private final ConsultationService consultations;
    private final AuditLog audit;
    private final Clock clock;
    private final OpenViewerSockets openSockets;

    MediaSignallingConfig(MediaSignalling relay, StationRefs stations, ConsultationService consultations,
                          AuditLog audit, Clock clock, OpenViewerSockets openSockets) {
        this.openSockets = openSockets;
        this.clock = clock;
        this.relay = relay;
        this.stations = stations;
        this.consultations = consultations;
        this.audit = audit;
    }

    @Bean
    static MediaSignalling mediaSignalling(WebRtcProperties properties) {
        return new MediaSignalling(properties);
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new MediaSignallingHandlers.Station(relay, stations, clock), "/api/station/media");
        registry.addHandler(new MediaSignallingHandlers.Viewer(relay, openSockets), "/ws/consultation/{id}/media",
                        "/public/consultation/{id}/media")
                .addInterceptors(new ConsultationSocketAccess(consultations, audit),
                        new MediaSignallingHandlers.ClinicalMediaViewers(audit));
    }
}
