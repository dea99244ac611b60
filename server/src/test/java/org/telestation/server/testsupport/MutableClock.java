package org.telestation.server.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock the test moves by hand; every component (and db-scheduler, see platform.SchedulerConfig) reads time from it.
 * {@link #withZone} returns a view on the same instant, so moving this clock moves every zoned copy too.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MutableClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    public MutableClock(Instant start, ZoneId zone) {
        this(new AtomicReference<>(start), zone);
    }

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public void advance(Duration duration) {
        now.updateAndGet(i -> i.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MutableClock(now, other);
    }

    /**
     * Makes a given clock the application's clock: a test base that keeps its clock in a static field (to move it
     * from anywhere) subclasses this with a no-argument constructor passing that field.
     */
    public abstract static class Given {
        private final MutableClock clock;

        protected Given(MutableClock clock) {
            this.clock = clock;
        }

        @Bean
        @Primary
        MutableClock mutableClock() {
            return clock;
        }
    }

    /** Makes a {@link MutableClock} the application's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now(), ZoneId.of("Europe/Paris"));
        }
    }
}
