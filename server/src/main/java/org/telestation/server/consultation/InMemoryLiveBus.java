package org.telestation.server.consultation;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@link LiveBus} within one server instance. A failing subscriber is logged and does not stop the others. */
@Component
class InMemoryLiveBus implements LiveBus {
    private static final Logger log = LoggerFactory.getLogger(InMemoryLiveBus.class);

    private final Map<UUID, Set<Consumer<LiveFrame>>> subscribers = new ConcurrentHashMap<>();
    private final Map<UUID, LiveFrame> lastStatus = new ConcurrentHashMap<>();

    @Override
    public java.util.Optional<LiveFrame> lastStatus(UUID stationId) {
        return java.util.Optional.ofNullable(lastStatus.get(stationId));
    }

    @Override
    public void publish(LiveFrame frame) {
        if (frame.kind() == LiveFrame.Kind.STATUS) lastStatus.put(frame.stationId(), frame);
        Set<Consumer<LiveFrame>> set = subscribers.get(frame.stationId());
        if (set == null) return;
        for (Consumer<LiveFrame> s : set) {
            try {
                s.accept(frame);
            } catch (RuntimeException e) {
                log.warn("live subscriber failed: {}", e.toString());
            }
        }
    }

    @Override
    public Subscription subscribe(UUID stationId, Consumer<LiveFrame> subscriber) {
        // A wrapper per subscription, so the same consumer subscribed twice is two subscriptions.
        Consumer<LiveFrame> entry = subscriber::accept;
        subscribers.computeIfAbsent(stationId, id -> new CopyOnWriteArraySet<>()).add(entry);
        return () -> subscribers.computeIfPresent(stationId, (id, set) -> {
            set.remove(entry);
            return set.isEmpty() ? null : set;
        });
    }
}
