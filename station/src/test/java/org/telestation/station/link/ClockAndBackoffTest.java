package org.telestation.station.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClockAndBackoffTest {

    @Test
    void offsetComesFromTheFastestExchange() {
        ClockOffsetEstimator e = new ClockOffsetEstimator();
        assertThat(e.hasEstimate()).isFalse();
        // server 500 ms ahead; 20 ms each way, 1 ms in the server
        e.add(1000, 1520, 1521, 1041);
        assertThat(e.offsetMs()).isEqualTo(500);
        assertThat(e.roundTripMs()).isEqualTo(40);
        // a slow, asymmetric exchange (200 ms queued on the way back) must not win
        e.add(2000, 2520, 2521, 2241);
        assertThat(e.offsetMs()).isEqualTo(500);
        // an impossible pong (server replied before it received) is ignored
        e.add(3000, 3600, 3500, 3010);
        assertThat(e.offsetMs()).isEqualTo(500);
    }

    @Test
    void backoffGrowsWithJitterUpToItsCapAndResets() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), new Random(1));
        long[] ceilings = {100, 200, 400, 800, 1000, 1000};
        for (long ceiling : ceilings) {
            long d = b.nextDelay().toMillis();
            assertThat(d).isBetween(ceiling / 2, ceiling);
        }
        b.reset();
        assertThat(b.nextDelay().toMillis()).isBetween(50L, 100L);
    }

    @Test
    void hostileServerTextIsIgnoredNotThrown() {
        LiveLink link = new LiveLink(java.net.http.HttpClient.newHttpClient(), java.net.URI.create("http://localhost:1"),
                "x:y", java.time.Clock.systemUTC(), Duration.ofSeconds(5),
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), new Random()), m -> {
                    throw new IllegalStateException("handler bug");
                });
        for (String text : new String[] {"", "null", "[]", "{", "{\"type\":1}", "{\"type\":\"pong\",\"id\":\"x\"}",
                "{\"type\":\"pong\",\"id\":99,\"t0\":1,\"t1\":2,\"t2\":3}", "{\"type\":\"whatever\"}",
                "x".repeat(100_000)}) {
            link.handleText(text);
        }
        assertThat(link.ignoredMessages()).isEqualTo(9);
        assertThat(link.clockOffset().hasEstimate()).isFalse();
    }
}
