package org.telestation.server.consultation;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Fans a station's live frames out to whoever watches that station (the doctor's consultation page). In memory
 * now; a clustered implementation (database or broker) replaces it when the server runs on several instances.
 */
public interface LiveBus {

    /** Delivers a frame to the current subscribers of its station; never blocks on a slow subscriber. */
    void publish(LiveFrame frame);

    /**
     * Subscribes to a station's frames, delivered on the publisher's thread in arrival order.
     *
     * @return closing it ends the subscription
     */
    Subscription subscribe(UUID stationId, Consumer<LiveFrame> subscriber);

    /**
     * The station's latest device-status message, for a viewer that connects after it was sent (stations send their
     * status on change only).
     */
    java.util.Optional<LiveFrame> lastStatus(UUID stationId);

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
