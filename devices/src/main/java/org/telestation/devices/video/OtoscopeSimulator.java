package org.telestation.devices.video;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.telestation.devices.cli.CliOptions;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;
import org.telestation.devices.model.DeviceProblem;
import org.telestation.devices.model.DeviceUnavailableException;
import org.telestation.devices.model.ImageFrame;

/**
 * A synthetic video otoscope: the round field of view of the speculum, the skin of the ear canal with texture, the
 * pearly tympanic membrane with the malleus handle and the cone of light, a slight hand tremor, and the frame time
 * stamped in the corner so a viewer can see the picture is live and measure delay.
 * <p>
 * Live frames are I420 at the live mode; stills are JPEG at the still size. Frame {@code n} is stamped
 * {@code start + n / fps}; when {@code paced}, {@link #nextFrame()} waits for that time on the clock.
 * Fault: with {@code disconnectAfterFrames ≥ 0} the camera "unplugs" after that many frames.
 */
public final class OtoscopeSimulator implements VideoSource {
    /** Hand tremor amplitude, as a fraction of the smaller image side. */
    private static final double TREMOR = 0.02;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final VideoMode mode;
    private final int stillWidth, stillHeight;
    private final Clock clock;
    private final boolean paced;
    private final int disconnectAfterFrames;
    private final ValueNoise noise;
    private final Instant start;
    private final DeviceIdentity device;
    /** Rendered scenes by (width << 32 | height): live size and still size. */
    private final Map<Long, int[]> scenes = new HashMap<>();
    private long frameIndex;
    private volatile boolean closed;

    public OtoscopeSimulator(VideoMode mode, int stillWidth, int stillHeight, Clock clock, boolean paced,
                             long seed, int disconnectAfterFrames) {
        if (stillWidth <= 0 || stillHeight <= 0) throw new IllegalArgumentException("still size must be positive");
        this.mode = mode;
        this.stillWidth = stillWidth;
        this.stillHeight = stillHeight;
        this.clock = clock;
        this.paced = paced;
        this.disconnectAfterFrames = disconnectAfterFrames;
        this.noise = new ValueNoise(seed);
        this.start = clock.instant();
        this.device = new DeviceIdentity(DeviceKind.OTOSCOPE, "Telestation", "otoscope simulator", "SIM-OTO-1",
                "sim:otoscope");
    }

    /** 640×480 at 30 fps live, 1920×1440 stills, real-time pacing, never disconnects. */
    public static OtoscopeSimulator standard(Clock clock) {
        return new OtoscopeSimulator(new VideoMode(640, 480, 30), 1920, 1440, clock, true, 1, -1);
    }

    @Override
    public DeviceIdentity device() {
        return device;
    }

    @Override
    public VideoMode liveMode() {
        return mode;
    }

    @Override
    public ImageFrame nextFrame() throws IOException {
        checkConnected();
        Instant t = frameTime(frameIndex);
        if (paced) sleepUntil(t);
        frameIndex++;
        int[] rgb = render(mode.width(), mode.height(), t);
        return new ImageFrame(device, t, mode.width(), mode.height(), I420_FORMAT,
                I420.fromRgb(rgb, mode.width(), mode.height()), false, null);
    }

    @Override
    public ImageFrame captureStill() throws IOException {
        checkConnected();
        Instant t = paced ? clock.instant() : frameTime(frameIndex);
        BufferedImage img = toImage(render(stillWidth, stillHeight, t), stillWidth, stillHeight);
        return new ImageFrame(device, t, stillWidth, stillHeight, "image/jpeg", jpeg(img, 0.92f), true, null);
    }

    @Override
    public void close() {
        closed = true;
    }

    private void checkConnected() throws DeviceUnavailableException {
        if (closed || (disconnectAfterFrames >= 0 && frameIndex >= disconnectAfterFrames)) {
            throw new DeviceUnavailableException(new DeviceProblem("video.disconnected",
                    "Otoscope camera disconnected: check its USB cable, then reopen the otoscope view"));
        }
    }

    private Instant frameTime(long n) {
        return start.plus(Duration.ofNanos(Math.round(n * 1e9 / mode.fps())));
    }

    private void sleepUntil(Instant t) throws IOException {
        long ms = Duration.between(clock.instant(), t).toMillis();
        if (ms <= 0) return;
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for the next frame");
        }
    }

    /**
     * Renders one picture as 0xRRGGBB pixels, row-major: the still scene (cached per size: the per-pixel texture is
     * the costly part) shifted by the hand tremor of time {@code t}, then the time stamp.
     */
    int[] render(int w, int h, Instant t) {
        double secs = Duration.between(start, t).toNanos() / 1e9;
        double m = Math.min(w, h);
        int margin = (int) Math.ceil(TREMOR * m) + 1;
        int[] scene = scene(w + 2 * margin, h + 2 * margin, m);
        int dx = (int) Math.round(TREMOR * m * Math.sin(2 * Math.PI * 0.5 * secs));
        int dy = (int) Math.round(0.75 * TREMOR * m * Math.sin(2 * Math.PI * 0.7 * secs + 1));
        int sw = w + 2 * margin;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(scene, (y + margin - dy) * sw + margin - dx, px, y * w, w);
        }
        int digitH = Math.max(8, h / 24);
        SevenSegment.draw(px, w, h, digitH / 2, h - digitH - digitH / 2, digitH, STAMP.format(t), 0xF0F0F0);
        return px;
    }

    private synchronized int[] scene(int w, int h, double m) {
        long key = (long) w << 32 | h;
        return scenes.computeIfAbsent(key, k -> renderScene(w, h, m));
    }

    /** The ear seen through the speculum, centred, field radius 0.46 × {@code m}. */
    private int[] renderScene(int w, int h, double m) {
        int[] px = new int[w * h];
        double radius = 0.46 * m, cx = w / 2.0, cy = h / 2.0;
        double tmX = cx + 0.04 * radius, tmY = cy + 0.03 * radius, tmR = 0.5 * radius;
        double coneAngle = Math.toRadians(35); // antero-inferior (right ear seen through the speculum)
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = (x - cx) / radius, v = (y - cy) / radius;
                double d = Math.sqrt(u * u + v * v);
                int rgb;
                if (d >= 1) {
                    rgb = 0x080606;
                } else {
                    double tex = noise.fractal(u * 14 + 100, v * 14 + 100);
                    double tu = (x - tmX) / tmR, tv = (y - tmY) / (0.85 * tmR);
                    double dt = Math.sqrt(tu * tu + tv * tv);
                    double light = 1.05 - 0.55 * d * d;
                    double r, g, b;
                    if (dt < 1) {
                        double pearl = 0.9 + 0.12 * tex - 0.1 * dt;
                        r = 196 * pearl;
                        g = 184 * pearl;
                        b = 176 * pearl;
                        double ang = Math.atan2(tv, tu);
                        if (dt > 0.12 && dt < 0.85 && Math.abs(angleDiff(ang, coneAngle)) < 0.22 * (1 - dt * 0.5)) {
                            r = g = b = 245; // cone of light
                        }
                        double along = -tv, across = tu + 0.25 * tv; // malleus handle: umbo up and forward
                        if (along > 0 && along < 0.6 && Math.abs(across) < 0.05) {
                            r = 232;
                            g = 220;
                            b = 190;
                        }
                    } else {
                        double skin = 0.8 + 0.35 * tex;
                        r = 205 * skin;
                        g = 118 * skin;
                        b = 98 * skin;
                    }
                    double edge = d > 0.94 ? (1 - d) / 0.06 : 1; // soft speculum rim
                    rgb = pack(r * light * edge, g * light * edge, b * light * edge);
                }
                px[y * w + x] = rgb;
            }
        }
        return px;
    }

    private static double angleDiff(double a, double b) {
        double d = a - b;
        while (d > Math.PI) d -= 2 * Math.PI;
        while (d < -Math.PI) d += 2 * Math.PI;
        return d;
    }

    static int pack(double r, double g, double b) {
        return clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    private static int clamp(double v) {
        return v <= 0 ? 0 : v >= 255 ? 255 : (int) v;
    }

    static BufferedImage toImage(int[] rgb, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        System.arraycopy(rgb, 0, ((DataBufferInt) img.getRaster().getDataBuffer()).getData(), 0, rgb.length);
        return img;
    }

    /** JPEG through ImageIO at the given quality (0–1). */
    public static byte[] jpeg(BufferedImage img, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * {@code java -cp devices/target/classes org.telestation.devices.video.OtoscopeSimulator --out still.jpg
     * [--width 1920] [--height 1440] [--seed 1] [--at-seconds 0]}
     */
    public static void main(String[] args) throws IOException {
        CliOptions o = CliOptions.parse(args, Set.of("out", "width", "height", "seed", "at-seconds"), Set.of());
        if (o.help()) {
            System.out.println("""
                    Otoscope camera simulator: writes one full-resolution JPEG still.
                    usage: OtoscopeSimulator --out FILE.jpg [--width W (1920)] [--height H (1440)]
                                             [--seed N (1)] [--at-seconds S (0): time into the stream]""");
            return;
        }
        Path out = o.requiredPath("out");
        int w = o.integer("width", 1920), h = o.integer("height", 1440);
        long seed = o.integer("seed", 1);
        double at = o.decimal("at-seconds", 0);
        Clock clock = Clock.systemUTC();
        VideoMode live = new VideoMode(640, 480, 30);
        OtoscopeSimulator sim = new OtoscopeSimulator(live, w, h, clock, false, seed, -1);
        sim.frameIndex = Math.round(at * live.fps());
        ImageFrame still = sim.captureStill();
        Files.write(out, still.data());
        System.out.printf("wrote %s: %dx%d JPEG, %d bytes%n", out, still.width(), still.height(), still.data().length);
    }
}
