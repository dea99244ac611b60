package org.telestation.station;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telestation.station.config.Credential;
import org.telestation.station.config.StationConfig;
import org.telestation.station.demo.DemoMode;
import org.telestation.station.link.Backoff;
import org.telestation.station.link.ControlMessage;
import org.telestation.station.link.LiveBatch;
import org.telestation.station.link.LiveFrameCodec;
import org.telestation.station.link.LiveLink;
import org.telestation.station.media.ClinicalMedia;
import org.telestation.station.outbox.Outbox;
import org.telestation.station.outbox.OutboxFullException;
import org.telestation.station.outbox.OutboxUploader;
import org.telestation.station.source.DeviceSource;
import org.telestation.station.source.DeviceSources;
import org.telestation.station.source.DeviceStatus;
import org.telestation.station.ui.NurseScreen;

/**
 * The station agent: wires the configuration, the credential (enrolling once when needed), the outbox and its
 * uploader, the live link, the device sources and the nurse's screen. {@code main} runs it until SIGTERM.
 */
public final class StationAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StationAgent.class);
    static final String USAGE = """
            Telestation station agent.
            Usage: java -jar telestation-station.jar [options]       (its lib/ folder next to it)
               or: java -cp <classes + dependencies> org.telestation.station.StationAgent [options]
              --config FILE      properties file (see docs/station.md); environment variables override it
              --set KEY=VALUE    override one key (repeatable), e.g. --set telestation.ui.port=0
              --demo             demo mode: attach every device simulator (serial ones over socat ptys) and
                                 use the demo station CHARIOT-01 when there is no credential file
              --generate N       load mode: put N synthetic items in the outbox (3 streams), resuming after a
                                 restart until the outbox has held N in total; used by the loss test
              --requeue-too-large
                                 put the items the server refused as too large (FAILED, HTTP 413) back in
                                 the queue, once the server's or the proxy's body limit was raised
              --help             this text
            Prints "READY ui=<port>" on standard output once the nurse's screen answers.
            """;

    private final Clock clock;
    private final Outbox outbox;
    private final StationHub hub;
    private final LiveLink link;
    private final OutboxUploader uploader;
    private final NurseScreen screen;
    /** Clinical media (otoscope video, stethoscope audio over WebRTC), or null when not configured. */
    private final ClinicalMedia media;
    private final List<DeviceSource> sources = new ArrayList<>();
    private final ScheduledExecutorService timer;
    private final DemoMode demo;
    private final DoctorRequests requests;

    public StationAgent(StationConfig config, Clock clock) throws Exception {
        this(config, clock, config.flag("telestation.demo") ? DemoMode.attach(config) : null);
    }

    private StationAgent(StationConfig configured, Clock clock, DemoMode demo) throws Exception {
        this.demo = demo;
        StationConfig config = demo != null ? demo.config() : configured;
        this.clock = clock;
        // HTTP/1.1: no h2c upgrade dance on plain-http localhost; TLS in production negotiates by itself.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Credential credential = credential(config, http);
        Duration retryBase = config.duration("telestation.retry.base-ms");
        Duration retryMax = config.duration("telestation.retry.max-ms");
        this.outbox = new Outbox(config.outboxFile(), clock, config.intValue("telestation.outbox.max-items"),
                config.intValue("telestation.outbox.min-free-disk-mb") * 1024L * 1024L,
                config.intValue("telestation.outbox.max-item-bytes"));
        this.hub = new StationHub(outbox, clock);
        this.requests = new DoctorRequests(hub::snapshotWithConnectedCamera);
        this.uploader = new OutboxUploader(outbox, http, config.serverUrl(), credential.bearer(), clock,
                new Backoff(retryBase, retryMax, new Random()), config.duration("telestation.upload.timeout-ms"));
        this.link = new LiveLink(http, config.serverUrl(), credential.bearer(), clock,
                config.duration("telestation.link.heartbeat-ms"), new Backoff(retryBase, retryMax, new Random()),
                m -> {
                    if (!requests.accept(m)) log.debug("control message {} from the server", m.type());
                });
        EmergencyCall emergency = new EmergencyCall(http, config.serverUrl(), credential.bearer());
        link.onOnline(() -> {
            sendStatus();
            uploader.wake();
        });
        hub.onStatusChange(this::sendStatus);
        hub.onCapture(uploader::wake);
        this.screen = new NurseScreen(config.require("telestation.ui.bind"), config.intValue("telestation.ui.port"),
                hub, outbox, () -> new NurseScreen.LinkInfo(link.online(), link.clockOffset().offsetMs(),
                        link.clockOffset().roundTripMs(), uploader.lastError()), requests, emergency::raise);
        sources.addAll(DeviceSources.openAll(config, clock));
        sources.forEach(hub::attach);
        this.media = ClinicalMedia.fromConfig(config, http, credential.bearer(), clock, outbox);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "live-batcher");
            t.setDaemon(true);
            return t;
        });
        long batchMs = Math.min(40, config.intValue("telestation.live.batch-ms"));
        timer.scheduleAtFixedRate(this::flushLive, batchMs, batchMs, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(this::prune, 1, 60, TimeUnit.MINUTES);
    }

    private static Credential credential(StationConfig config, HttpClient http) throws Exception {
        Path file = config.credentialFile();
        if (Files.exists(file)) return Credential.read(file);
        String code = config.get("telestation.station.code");
        String enrolment = config.get("telestation.enrolment.code");
        if (code == null || enrolment == null) {
            throw new IllegalStateException("no credential at " + file + ": set telestation.station.code and "
                    + "telestation.enrolment.code (TELESTATION_STATION_CODE, TELESTATION_ENROLMENT_CODE) to enrol");
        }
        Credential credential = Credential.enrol(http, config.serverUrl(), code, enrolment);
        credential.write(file);
        log.info("station {} enrolled; credential written to {}", code, file);
        return credential;
    }

    public void start() {
        screen.start();
        uploader.start();
        link.start();
        if (media != null) media.start();
        for (DeviceSource s : sources) s.start(hub);
    }

    private void flushLive() {
        try {
            List<LiveBatch.Entry> entries = hub.drainLive();
            if (entries.isEmpty() || !link.online()) return;
            // Keep each frame under the size limit whatever the backlog.
            int from = 0;
            while (from < entries.size()) {
                int to = Math.min(entries.size(), from + 200);
                link.sendBinary(LiveFrameCodec.encode(new LiveBatch(clock.millis(),
                        (int) link.clockOffset().offsetMs(), entries.subList(from, to))));
                from = to;
            }
        } catch (RuntimeException e) {
            log.warn("live frame not sent: {}", e.toString());
        }
    }

    private void sendStatus() {
        ObjectNode status = ControlMessage.object("status");
        ArrayNode devices = status.putArray("devices");
        for (DeviceStatus s : hub.statuses()) {
            ObjectNode d = devices.addObject().put("id", s.device().id()).put("kind", s.device().kind().name())
                    .put("state", s.state().name()).put("diagnostic", s.diagnostic());
            if (s.batteryPercent() != null) d.put("battery", s.batteryPercent());
            // What the doctor's panel names the device by, when two of a kind (two oximeters) report at once.
            String maker = s.device().manufacturer() == null ? "" : s.device().manufacturer();
            String product = s.device().model() == null ? "" : s.device().model();
            // "Contec CMS50 …" already names its maker: no "Contec Contec CMS50 …".
            String model = (product.startsWith(maker) ? product : maker + " " + product).strip();
            if (!model.isEmpty()) d.put("model", model);
        }
        try {
            status.put("outboxPending", outbox.pendingCount());
        } catch (Exception e) {
            status.putNull("outboxPending");
        }
        link.sendText(status.toString());
    }

    private void prune() {
        try {
            outbox.pruneAcknowledged(Outbox.DEFAULT_RETENTION);
        } catch (Exception e) {
            log.warn("outbox prune failed: {}", e.toString());
        }
    }

    /** Load mode: fills the outbox up to {@code total} items over three streams, resuming after a restart. */
    void generate(int total) throws Exception {
        String[] streams = {"load:a", "load:b", "load:c"};
        long have = 0;
        Map<String, Long> lengths = new LinkedHashMap<>();
        for (String s : streams) {
            lengths.put(s, outbox.streamLength(s));
            have += lengths.get(s);
        }
        while (have < total) {
            String stream = streams[(int) (have % streams.length)];
            byte[] payload = ("{\"load\":" + have + "}").getBytes(StandardCharsets.UTF_8);
            try {
                outbox.enqueue(stream, "MEASUREMENT", "application/json", payload);
                have++;
                if (have % 50 == 0) uploader.wake();
            } catch (OutboxFullException e) {
                Thread.sleep(50);
            }
        }
        uploader.wake();
    }

    public int uiPort() {
        return screen.port();
    }

    public StationHub hub() {
        return hub;
    }

    public Outbox outbox() {
        return outbox;
    }

    /** The demo mode's simulators and links, or null outside demo mode. */
    public DemoMode demo() {
        return demo;
    }

    public DoctorRequests requests() {
        return requests;
    }

    public LiveLink link() {
        return link;
    }

    /** Clinical media, or null when the configuration names no camera or stethoscope. */
    public ClinicalMedia media() {
        return media;
    }

    @Override
    public void close() throws Exception {
        for (DeviceSource s : sources) s.close();
        if (media != null) media.close();
        if (demo != null) demo.close();
        timer.shutdownNow();
        screen.close();
        link.close();
        uploader.close();
        outbox.close();
    }

    public static void main(String[] args) throws Exception {
        Path configFile = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        int generate = 0;
        boolean requeueTooLarge = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    return;
                }
                case "--config" -> configFile = Path.of(argument(args, ++i));
                case "--set" -> {
                    String kv = argument(args, ++i);
                    int eq = kv.indexOf('=');
                    if (eq <= 0) usageError("--set needs KEY=VALUE");
                    overrides.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                case "--demo" -> overrides.put("telestation.demo", "true");
                case "--generate" -> generate = Integer.parseInt(argument(args, ++i));
                case "--requeue-too-large" -> requeueTooLarge = true;
                default -> usageError("unknown option " + args[i]);
            }
        }
        StationConfig config = StationConfig.load(configFile, System.getenv(), overrides);
        StationAgent agent = new StationAgent(config, Clock.systemUTC());
        if (requeueTooLarge) {
            log.info("{} items refused as too large put back in the queue",
                    agent.outbox().requeueFailed(OutboxUploader.TOO_LARGE_ERROR));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                agent.close();
            } catch (Exception e) {
                log.warn("shutdown: {}", e.toString());
            }
        }, "shutdown"));
        agent.start();
        System.out.println("READY ui=" + agent.uiPort());
        System.out.flush();
        if (generate > 0) agent.generate(generate);
        Thread.currentThread().join();
    }

    private static String argument(String[] args, int i) {
        if (i >= args.length) usageError(args[i - 1] + " needs a value");
        return args[i];
    }

    private static void usageError(String message) {
        System.err.println(message);
        System.err.print(USAGE);
        System.exit(2);
    }
}
