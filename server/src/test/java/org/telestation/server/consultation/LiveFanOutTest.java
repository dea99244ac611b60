package org.telestation.server.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.telestation.server.audit.AuditLog;

/** The in-memory fan-out and the viewer guard, without a server. */
class LiveFanOutTest {
    final UUID station = UUID.randomUUID();
    final List<String> audit = new ArrayList<>();
    final AuditLog auditLog = (action, type, id, patient, outcome, detail) -> audit.add(action + " " + type + " " + outcome);

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    LiveFrame frame(UUID stationId, String text) {
        return new LiveFrame(stationId, Instant.EPOCH, LiveFrame.Kind.STATUS, text.getBytes());
    }

    @Test
    void framesReachTheViewersOfTheirStationOnlyUntilTheyLeave() {
        InMemoryLiveBus bus = new InMemoryLiveBus();
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        List<String> other = new ArrayList<>();
        LiveBus.Subscription subA = bus.subscribe(station, f -> a.add(new String(f.payload())));
        bus.subscribe(station, f -> {
            throw new IllegalStateException("a broken viewer");
        });
        bus.subscribe(station, f -> b.add(new String(f.payload())));
        bus.subscribe(UUID.randomUUID(), f -> other.add(new String(f.payload())));

        bus.publish(frame(station, "1"));
        subA.close();
        bus.publish(frame(station, "2"));

        assertThat(a).containsExactly("1");
        assertThat(b).as("a failing viewer does not stop the others").containsExactly("1", "2");
        assertThat(other).isEmpty();
    }

    boolean handshake(String path, String... roles) {
        if (roles.length > 0) {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "someone", null, java.util.Arrays.stream(roles).map(SimpleGrantedAuthority::new).toList()));
        }
        Map<String, Object> attributes = new HashMap<>();
        boolean allowed = new ViewerLiveHandler.ProfessionalsOnly(auditLog).beforeHandshake(
                new ServletServerHttpRequest(new MockHttpServletRequest("GET", path)),
                new ServletServerHttpResponse(new MockHttpServletResponse()), null, attributes);
        assertThat(attributes.containsKey("stationId")).isEqualTo(allowed);
        return allowed;
    }

    @Test
    void onlyProfessionalsMayWatchAndEachAttemptIsAudited() {
        assertThat(handshake("/ws/live/" + station, "ROLE_GP")).isTrue();
        assertThat(handshake("/ws/live/" + station, "ROLE_STATION")).isFalse();
        SecurityContextHolder.clearContext();
        assertThat(handshake("/ws/live/" + station)).isFalse();
        assertThat(handshake("/ws/live/not-a-uuid", "ROLE_GP")).isFalse();
        assertThat(audit).containsExactly("READ LiveStream SUCCESS", "READ LiveStream DENIED", "READ LiveStream DENIED");
    }
}
