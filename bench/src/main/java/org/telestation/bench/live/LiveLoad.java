package org.telestation.bench.live;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.telestation.station.link.LiveBatch;
import org.telestation.station.link.LiveFrameCodec;

/**
 * Live-path load tool: N simulated stations stream over their real WebSocket ({@code /api/station/live}), each with
 * one ECG lead at 500 Hz, a pleth at 100 Hz and spot values, batched every 40 ms like the agent; N doctor viewers
 * ({@code /ws/consultation/{id}/live}, one signed-in doctor session) receive them. Reports the delay from the frame's
 * station time to its arrival at the viewer socket (p50, p99, max — same machine, same clock) and the frames lost.
 *
 * <p>Needs a server started with the {@code load} profile and {@code telestation.load.sessions} ≥ N (LoadFixtures
 * creates the stations, consultations and the doctor). Usage in docs/consultation.md.
 */
public final class LiveLoad {
    static final String USAGE = """
            Usage: java -cp bench/target/benchmarks.jar org.telestation.bench.live.LiveLoad [options]
              --server URL     server base URL (default http://localhost:8080)
              --sessions N     concurrent consultations (default 1)
              --seconds S      measured seconds after a 3 s warm-up (default 20)
              --help
            The server must run with --spring.profiles.active=load --telestation.load.sessions=<at least N>.
            """;
    static final int BATCH_MS = 40;
    static final int ECG_HZ = 500;
    static final int PLETH_HZ = 100;
    /** Histogram of delays in ms; the last bucket holds everything beyond. */
    static final int MAX_DELAY_MS = 10_000;

    private final AtomicLongArray histogram = new AtomicLongArray(MAX_DELAY_MS + 1);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong sendSkipped = new AtomicLong();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;

    public static void main(String[] args) throws Exception {
        String server = "http://localhost:8080";
        int sessions = 1;
        int seconds = 20;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    return;
                }
                case "--server" -> server = args[++i];
                case "--sessions" -> sessions = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                default -> {
                    System.err.print("unknown option " + args[i] + "\n" + USAGE);
                    System.exit(2);
                }
            }
        }
        new LiveLoad().run(URI.create(server), sessions, seconds);
    }

    void run(URI server, int sessions, int seconds) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String session = signIn(http, cookies, server);
        String ws = ("https".equals(server.getScheme()) ? "wss://" : "ws://") + server.getRawAuthority();

        List<WebSocket> viewers = new ArrayList<>();
        for (int i = 1; i <= sessions; i++) {
            UUID id = UUID.nameUUIDFromBytes(("load-consultation-" + i).getBytes(StandardCharsets.UTF_8));
            viewers.add(http.newWebSocketBuilder().header("Cookie", "JSESSIONID=" + session)
                    .buildAsync(URI.create(ws + "/ws/consultation/" + id + "/live"), new Viewer()).get(20,
                            TimeUnit.SECONDS));
        }
        List<WebSocket> stations = new ArrayList<>();
        for (int i = 1; i <= sessions; i++) {
            String bearer = String.format("LOAD-%04d:load-secret-%04d", i, i);
            stations.add(http.newWebSocketBuilder().header("Authorization", "Bearer " + bearer)
                    .buildAsync(URI.create(ws + "/api/station/live"), new WebSocket.Listener() {
                    }).get(20, TimeUnit.SECONDS));
        }
        System.out.printf("%d viewers and %d stations connected%n", viewers.size(), stations.size());

        // The window is fixed before the first frame, so senders and viewers count exactly the same frames.
        windowStart = System.currentTimeMillis() + 3000;
        windowEnd = windowStart + seconds * 1000L;
        ScheduledExecutorService senders = Executors.newScheduledThreadPool(2);
        List<CompletableFuture<WebSocket>> pending = new ArrayList<>();
        for (int i = 0; i < stations.size(); i++) pending.add(CompletableFuture.completedFuture(null));
        long[] tick = {0};
        senders.scheduleAtFixedRate(() -> {
            long t = tick[0]++;
            for (int i = 0; i < stations.size(); i++) {
                if (!pending.get(i).isDone()) {
                    sendSkipped.incrementAndGet(); // the socket is still busy with the previous frame
                    continue;
                }
                long now = System.currentTimeMillis();
                byte[] frame = LiveFrameCodec.encode(frame("dev-" + i, now, t));
                if (now >= windowStart && now < windowEnd) sent.incrementAndGet();
                pending.set(i, stations.get(i).sendBinary(ByteBuffer.wrap(frame), true));
            }
        }, 0, BATCH_MS, TimeUnit.MILLISECONDS);

        Thread.sleep(windowEnd - System.currentTimeMillis() + 2000); // the last frames of the window arrive
        senders.shutdownNow();
        report(sessions, seconds);
        for (WebSocket s : stations) s.abort();
        for (WebSocket v : viewers) v.abort();
    }

    static LiveBatch frame(String device, long now, long tick) {
        short[] ecg = new short[ECG_HZ * BATCH_MS / 1000];
        short[] pleth = new short[PLETH_HZ * BATCH_MS / 1000];
        for (int k = 0; k < ecg.length; k++) ecg[k] = (short) (200 * Math.sin((tick * ecg.length + k) / 40.0));
        for (int k = 0; k < pleth.length; k++) pleth[k] = (short) (500 + 300 * Math.sin((tick * pleth.length + k) / 8.0));
        List<LiveBatch.Entry> entries = new ArrayList<>(List.of(
                new LiveBatch.Waveform(device, "II", ECG_HZ, now - BATCH_MS, 0.005f, 0, "mV", ecg),
                new LiveBatch.Waveform(device, "PLETH", PLETH_HZ, now - BATCH_MS, 0.001f, 0, "1", pleth)));
        if (tick % 25 == 0) {
            entries.add(new LiveBatch.Spot(device, "OXYGEN_SATURATION", 97, LiveBatch.Spot.NO_TIME, now, 0));
            entries.add(new LiveBatch.Spot(device, "PULSE_RATE", 72, LiveBatch.Spot.NO_TIME, now, 0));
        }
        return new LiveBatch(now, 0, entries);
    }

    private void report(int sessions, int seconds) {
        long total = 0;
        for (int i = 0; i <= MAX_DELAY_MS; i++) total += histogram.get(i);
        System.out.printf("sessions %d, window %d s: frames sent %d, received %d, lost %d, sends skipped %d%n",
                sessions, seconds, sent.get(), received.get(), sent.get() - received.get(), sendSkipped.get());
        System.out.printf("delay station send -> viewer socket: p50 %d ms, p99 %d ms, max %d ms (%d frames)%n",
                percentile(total, 0.50), percentile(total, 0.99), percentile(total, 1.0), total);
    }

    private long percentile(long total, double p) {
        long rank = Math.max(1, (long) Math.ceil(total * p));
        long seen = 0;
        for (int i = 0; i <= MAX_DELAY_MS; i++) {
            seen += histogram.get(i);
            if (seen >= rank) return i;
        }
        return -1;
    }

    private final class Viewer implements WebSocket.Listener {
        private ByteBuffer partial;

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            long now = System.currentTimeMillis();
            ByteBuffer frame = data;
            if (!last || partial != null) {
                ByteBuffer grown = ByteBuffer.allocate((partial == null ? 0 : partial.remaining()) + data.remaining());
                if (partial != null) grown.put(partial);
                grown.put(data).flip();
                partial = last ? null : grown;
                frame = grown;
            }
            if (last && frame.remaining() >= LiveFrameCodec.HEADER_BYTES) {
                long stationTime = frame.getLong(frame.position() + 4);
                if (stationTime >= windowStart && stationTime < windowEnd) {
                    received.incrementAndGet();
                    histogram.incrementAndGet((int) Math.min(MAX_DELAY_MS, Math.max(0, now - stationTime)));
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            ws.request(1);
            return null;
        }
    }

    /** Form login as the load doctor; returns the session cookie. */
    static String signIn(HttpClient http, CookieManager cookies, URI server) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(server.resolve("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page.body());
        if (!m.find()) throw new IllegalStateException("no CSRF token on the login page");
        String form = "username=load-doctor&password=load-password&_csrf="
                + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(server.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in as load-doctor failed: is the server in the load profile?");
        }
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(java.net.HttpCookie::getValue).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no session cookie"));
    }
}
