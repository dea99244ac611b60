package org.telestation.server.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The in-memory fan-out, without a server. */
class LiveFanOutTest {
    final UUID station = UUID.randomUUID();

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

    @Test
    void aLateViewerGetsTheStationsLatestStatus() {
        InMemoryLiveBus bus = new InMemoryLiveBus();
        assertThat(bus.lastStatus(station)).isEmpty();
        bus.publish(frame(station, "{\"type\":\"status\",\"n\":1}"));
        bus.publish(frame(station, "{\"type\":\"status\",\"n\":2}"));
        bus.publish(new LiveFrame(station, Instant.EPOCH, LiveFrame.Kind.SAMPLES, new byte[] {'T', 'L'}));
        assertThat(bus.lastStatus(station)).get().extracting(f -> new String(f.payload()))
                .isEqualTo("{\"type\":\"status\",\"n\":2}");
        assertThat(bus.lastStatus(UUID.randomUUID())).isEmpty();
    }

    // The viewer guard is now per consultation (ConsultationSocketAccess): ConsultationSocketsTest checks it
    // over real HTTP and WebSocket, with the audit trail.
}
