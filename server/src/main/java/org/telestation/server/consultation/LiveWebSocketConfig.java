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
 * on the HTTP handshake through the security filter chain (station bearer credential, professional session); the
 * consultation sockets also check who takes part in that consultation ({@link ConsultationSocketAccess}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class LiveWebSocketConfig implements WebSocketConfigurer {
    private final LiveBus bus;
    private final StationRefs stations;
    private final Clock clock;
    private final StationCommands commands;
    private final ConsultationService consultations;
    private final AuditLog audit;
    private final org.telestation.server.security.AccountService accounts;
    private final OpenViewerSockets openSockets;

    LiveWebSocketConfig(LiveBus bus, StationRefs stations, Clock clock, StationCommands commands,
                        ConsultationService consultations, AuditLog audit,
                        org.telestation.server.security.AccountService accounts, OpenViewerSockets openSockets) {
        this.openSockets = openSockets;
        this.accounts = accounts;
        this.bus = bus;
        this.stations = stations;
        this.clock = clock;
        this.commands = commands;
        this.consultations = consultations;
        this.audit = audit;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new StationLiveHandler(bus, stations, clock, commands), "/api/station/live");
        ConsultationSocketAccess access = new ConsultationSocketAccess(consultations, audit,
                username -> accounts.findByUsername(username).map(a -> a.displayName()).orElse(username));
        registry.addHandler(new ViewerLiveHandler(bus, clock, openSockets), "/ws/consultation/{id}/live",
                "/public/consultation/{id}/live").addInterceptors(access);
        registry.addHandler(new SignalingHandler(), "/ws/consultation/{id}/signal",
                "/public/consultation/{id}/signal").addInterceptors(access);
    }
}
