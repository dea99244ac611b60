package org.telestation.station.media;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.telestation.station.link.Backoff;
import org.telestation.station.link.LiveLink;

/**
 * The station's outbound signalling WebSocket for clinical media, {@code /api/station/media}: SDP offers and answers
 * and ICE candidates between the publisher and the viewers' browsers, relayed by the server. The same machinery as
 * the live link (reconnect with backoff, JSON ping/pong heartbeat that drops a half-open connection), on a socket of
 * its own: signalling is rare, bursty text that must not queue behind 25 sample frames a second, and the live link's
 * wire protocol stays as it is.
 *
 * <p>When the socket drops, every media session is dropped too: their answers and candidates could no longer arrive,
 * and the viewers ask again once the station is back.
 */
public final class MediaSignallingLink {
    public static final String PATH = "/api/station/media";

    private MediaSignallingLink() {
    }

    /** A link wired to {@code publisher} in both directions; the caller starts it and closes it. */
    public static LiveLink open(HttpClient http, URI serverUrl, String bearer, Clock clock, Duration heartbeat,
                                Backoff backoff, PublisherRef publisher) {
        LiveLink link = new LiveLink(http, serverUrl, PATH, bearer, clock, heartbeat, backoff,
                m -> publisher.ifAttached(p -> p.onSignal(m)));
        link.onOffline(() -> publisher.ifAttached(ClinicalMediaPublisher::dropAllSessions));
        return link;
    }

    /** The publisher is built with the link's sender, so the link reaches it through this indirection. */
    public static final class PublisherRef {
        private volatile ClinicalMediaPublisher publisher;

        public void set(ClinicalMediaPublisher publisher) {
            this.publisher = publisher;
        }

        /** Messages that arrive before the publisher exists are for sessions it never opened: dropped. */
        void ifAttached(java.util.function.Consumer<ClinicalMediaPublisher> action) {
            ClinicalMediaPublisher p = publisher;
            if (p != null) action.accept(p);
        }
    }
}
