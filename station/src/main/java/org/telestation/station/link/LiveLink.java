package org.telestation.station.link;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's one outbound WebSocket to {@code /api/station/live}: connects with the bearer credential,
 * reconnects with {@link Backoff}, sends a ping every heartbeat and drops the connection when three go
 * unanswered (a cut cable leaves a half-open TCP connection that would otherwise look alive), and keeps the
 * {@link ClockOffsetEstimator} fed from the pongs.
 *
 * <p>Live data is best-effort: while offline, {@link #sendBinary} drops frames (durable data goes through the
 * outbox, not here).
 */
public final class LiveLink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveLink.class);
    private static final int MISSED_PONGS_BEFORE_RECONNECT = 3;

    private final HttpClient http;
    private final URI liveUri;
    private final String bearer;
    private final Clock clock;
    private final Duration heartbeat;
    private final Backoff backoff;
    private final ClockOffsetEstimator clockOffset = new ClockOffsetEstimator();
    private final AtomicReference<WebSocket> socket = new AtomicReference<>();
    private final AtomicLong pingId = new AtomicLong();
    private final AtomicLong lastPongId = new AtomicLong();
    private final AtomicLong droppedFrames = new AtomicLong();
    private final AtomicLong ignoredMessages = new AtomicLong();
    private final Consumer<ControlMessage> onControl;
    private volatile boolean closed;
    private volatile Runnable onOnline = () -> { };
    private Thread supervisor;

    /**
     * @param serverUrl  http(s)://host:port of the server; the link uses ws(s)://host:port/api/station/live
     * @param bearer     "stationCode:secret"
     * @param onControl  receives every well-formed control message other than pong (on the socket's thread)
     */
    public LiveLink(HttpClient http, URI serverUrl, String bearer, Clock clock, Duration heartbeat, Backoff backoff,
                    Consumer<ControlMessage> onControl) {
        this.http = http;
        String scheme = "https".equals(serverUrl.getScheme()) ? "wss" : "ws";
        this.liveUri = URI.create(scheme + "://" + serverUrl.getRawAuthority() + "/api/station/live");
        this.bearer = bearer;
        this.clock = clock;
        this.heartbeat = heartbeat;
        this.backoff = backoff;
        this.onControl = onControl;
    }

    public void onOnline(Runnable action) {
        this.onOnline = action;
    }

    public synchronized void start() {
        if (supervisor != null) return;
        supervisor = new Thread(this::superviseForever, "live-link");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    private void superviseForever() {
        while (!closed) {
            WebSocket ws = null;
            try {
                ws = http.newWebSocketBuilder()
                        .header("Authorization", "Bearer " + bearer)
                        .connectTimeout(Duration.ofSeconds(5))
                        .buildAsync(liveUri, new Listener())
                        .get(10, TimeUnit.SECONDS);
                socket.set(ws);
                backoff.reset();
                log.info("live link up");
                ws.sendText(ControlMessage.write(ControlMessage.object("hello")
                        .put("agent", "telestation-station/0.1.0")), true);
                onOnline.run();
                heartbeatUntilDead(ws);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.info("live link down: {}", rootMessage(e));
            } finally {
                socket.compareAndSet(ws, null);
                if (ws != null) ws.abort();
            }
            if (closed) return;
            try {
                Thread.sleep(backoff.nextDelay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void heartbeatUntilDead(WebSocket ws) throws InterruptedException {
        lastPongId.set(pingId.get());
        while (!closed && !ws.isInputClosed() && !ws.isOutputClosed()) {
            long id = pingId.incrementAndGet();
            if (id - lastPongId.get() > MISSED_PONGS_BEFORE_RECONNECT) {
                log.info("live link: {} pings unanswered, reconnecting", MISSED_PONGS_BEFORE_RECONNECT);
                return;
            }
            ObjectNode ping = ControlMessage.object("ping").put("id", id).put("t0", clock.millis());
            send(ws, ping.toString());
            Thread.sleep(heartbeat.toMillis());
        }
    }

    /** Sends a control message if online; returns false when it could not. */
    public boolean sendText(String json) {
        WebSocket ws = socket.get();
        return ws != null && send(ws, json);
    }

    /** Sends a binary live frame if online; drops it otherwise (live data is not replayed). */
    public boolean sendBinary(byte[] frame) {
        WebSocket ws = socket.get();
        if (ws == null) {
            droppedFrames.incrementAndGet();
            return false;
        }
        synchronized (ws) {
            try {
                // The JDK WebSocket allows one outstanding send: wait for it so frames stay in order.
                ws.sendBinary(ByteBuffer.wrap(frame), true).get(5, TimeUnit.SECONDS);
                return true;
            } catch (Exception e) {
                droppedFrames.incrementAndGet();
                ws.abort();
                return false;
            }
        }
    }

    private boolean send(WebSocket ws, String text) {
        synchronized (ws) {
            try {
                ws.sendText(text, true).get(5, TimeUnit.SECONDS);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                ws.abort();
                return false;
            }
        }
    }

    public boolean online() {
        return socket.get() != null;
    }

    public ClockOffsetEstimator clockOffset() {
        return clockOffset;
    }

    public long droppedFrames() {
        return droppedFrames.get();
    }

    public long ignoredMessages() {
        return ignoredMessages.get();
    }

    /** Handles one message from the server; public so tests and the fuzz target can feed it hostile text. */
    public void handleText(String text) {
        var parsed = ControlMessage.parse(text);
        if (parsed.isEmpty()) {
            ignoredMessages.incrementAndGet();
            return;
        }
        ControlMessage m = parsed.get();
        if ("pong".equals(m.type())) {
            long id = m.longField("id", -1);
            long t0 = m.longField("t0", Long.MIN_VALUE);
            long t1 = m.longField("t1", Long.MIN_VALUE);
            long t2 = m.longField("t2", Long.MIN_VALUE);
            if (id < 0 || id > pingId.get() || t0 == Long.MIN_VALUE || t1 == Long.MIN_VALUE || t2 == Long.MIN_VALUE) {
                ignoredMessages.incrementAndGet();
                return;
            }
            lastPongId.accumulateAndGet(id, Math::max);
            clockOffset.add(t0, t1, t2, clock.millis());
            return;
        }
        try {
            onControl.accept(m);
        } catch (RuntimeException e) {
            ignoredMessages.incrementAndGet();
            log.warn("control message {} not handled: {}", m.type(), e.toString());
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            if (text.length() + data.length() <= ControlMessage.MAX_TEXT_CHARS) {
                text.append(data);
            } else {
                text.setLength(ControlMessage.MAX_TEXT_CHARS + 1); // marks it oversize: parse() rejects it
            }
            if (last) {
                String message = text.toString();
                text.setLength(0);
                handleText(message);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            ignoredMessages.incrementAndGet(); // the server sends no binary frames to stations
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            socket.compareAndSet(ws, null);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            socket.compareAndSet(ws, null);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getClass().getSimpleName() + (t.getMessage() != null ? ": " + t.getMessage() : "");
    }

    @Override
    public void close() {
        closed = true;
        WebSocket ws = socket.getAndSet(null);
        if (ws != null) {
            try {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "agent stopping").get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                ws.abort();
            }
        }
        Thread t;
        synchronized (this) {
            t = supervisor;
        }
        if (t != null) t.interrupt();
    }
}
