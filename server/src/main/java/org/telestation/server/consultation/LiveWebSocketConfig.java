package org.telestation.server.consultation;

import java.time.Clock;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.telestation.server.audit.AuditLog;
import org.telestation.server.measurements.StationRefs;

/**
 * Raw WebSocket endpoints (no STOMP): the stations' live link and the viewers' live feed. Authentication happens
 * on the HTTP handshake through the security filter chain (station bearer credential, professional session).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class LiveWebSocketConfig implements WebSocketConfigurer {
    private final LiveBus bus;
    private final StationRefs stations;
    private final Clock clock;
    private final AuditLog audit;

    LiveWebSocketConfig(LiveBus bus, StationRefs stations, Clock clock, AuditLog audit) {
        this.bus = bus;
        this.stations = stations;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new StationLiveHandler(bus, stations, clock), "/api/station/live");
        registry.addHandler(new ViewerLiveHandler(bus), "/ws/live/{stationId}")
                .addInterceptors(new ViewerLiveHandler.ProfessionalsOnly(audit));
    }
}
