package org.telestation.station.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.telestation.devices.audio.HeartSoundSimulator;
import org.telestation.devices.audio.SimulatedAudioSource;
import org.telestation.devices.video.OtoscopeSimulator;
import org.telestation.devices.video.VideoMode;
import org.telestation.station.link.ControlMessage;

/**
 * Measures the publisher: time to first frame and CPU at a given live mode (640×480 at 15 fps by default). This JVM
 * runs the publisher with the otoscope and heart-sound simulators; a second JVM runs a receiving {@link ProbeViewer},
 * so the receiver's decoding is not counted. Signalling goes over the child's standard input and output, one JSON
 * message per line. Run by {@code bench/webrtc-publisher-cpu.sh}.
 */
public final class PublisherCpuProbe {
    static final String USAGE = """
            Clinical media publisher probe: time to first frame and CPU of the publisher.
            Usage: java -cp <station classpath> org.telestation.station.media.PublisherCpuProbe [options]
              --width N --height N --fps N   live mode (default 640 480 15)
              --seconds N                    measuring window after the first frame (default 20)
              --help                         this text
            Prints one line per figure; the receiver runs in a child JVM started with the same classpath.
            """;

    private PublisherCpuProbe() {
    }

    public static void main(String[] args) throws Exception {
        int width = 640;
        int height = 480;
        double fps = 15;
        int seconds = 20;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    return;
                }
                case "--receiver" -> {
                    receiver();
                    return;
                }
                case "--width" -> width = Integer.parseInt(args[++i]);
                case "--height" -> height = Integer.parseInt(args[++i]);
                case "--fps" -> fps = Double.parseDouble(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                default -> {
                    System.err.print(USAGE);
                    System.exit(2);
                }
            }
        }
        publisher(new VideoMode(width, height, fps), seconds);
    }

    private static void publisher(VideoMode mode, int seconds) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PublisherCpuProbe.class.getName(), "--receiver"));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        PrintStream toChild = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8);
        AtomicLong firstFrameNanos = new AtomicLong();
        java.util.concurrent.CountDownLatch childReady = new java.util.concurrent.CountDownLatch(1);
        AtomicLong framesAtChild = new AtomicLong();
        String[] size = {"?"};
        Clock clock = Clock.systemUTC();
        var bean = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (ClinicalMediaPublisher publisher = new ClinicalMediaPublisher(
                new OtoscopeSimulator(mode, 1920, 1440, clock, true, 5, -1),
                new SimulatedAudioSource(new HeartSoundSimulator(48_000, 72, false, 5), clock, true), null,
                json -> {
                    synchronized (toChild) {
                        toChild.println(json);
                    }
                })) {
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.equals("READY")) {
                            childReady.countDown();
                        } else if (line.startsWith("FIRST ")) {
                            firstFrameNanos.compareAndSet(0, Long.parseLong(line.substring(6).trim()));
                        } else if (line.startsWith("FRAMES ")) {
                            String[] f = line.split(" ");
                            framesAtChild.set(Long.parseLong(f[1]));
                            size[0] = f[2];
                        } else {
                            ControlMessage.parse(line).ifPresent(publisher::onSignal);
                        }
                    }
                } catch (IOException e) {
                    // child gone
                }
            }, "probe-reader");
            reader.setDaemon(true);
            reader.start();
            // Measured from the request, once the receiver's JVM and native library are up (a browser is up too).
            if (!childReady.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("receiver did not start");
            long requested = System.nanoTime();
            publisher.onSignal(ControlMessage.parse("{\"type\":\"media-request\",\"session\":\"probe\"}").orElseThrow());
            long deadline = requested + TimeUnit.SECONDS.toNanos(60);
            while (firstFrameNanos.get() == 0) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("no frame at the receiver in 60 s");
                Thread.sleep(10);
            }
            double firstFrameMs = (firstFrameNanos.get() - requested) / 1e6;
            Thread.sleep(2000); // let the encoder settle past its start-up key frames
            long cpu0 = bean.getProcessCpuTime();
            long pump0 = pumpCpu(threads);
            long wall0 = System.nanoTime();
            long frames0 = framesAtChild.get();
            Thread.sleep(seconds * 1000L);
            long cpu = bean.getProcessCpuTime() - cpu0;
            long pump = pumpCpu(threads) - pump0;
            long wall = System.nanoTime() - wall0;
            long frames = framesAtChild.get() - frames0;
            System.out.printf(Locale.ROOT, "mode %dx%d@%.0f fps, %d logical CPUs%n", mode.width(), mode.height(),
                    mode.fps(), Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "time to first frame (request -> first decoded frame at the receiver): %.0f ms%n",
                    firstFrameMs);
            System.out.printf(Locale.ROOT, "publisher CPU: %.1f %% of one core (whole process, %d s window)%n",
                    100.0 * cpu / wall, seconds);
            System.out.printf(Locale.ROOT, "  of which media pump threads (simulator render + I420 copy + push): %.1f %%%n",
                    100.0 * pump / wall);
            System.out.printf(Locale.ROOT, "receiver: %.1f frames/s decoded at %s%n", frames * 1e9 / wall, size[0]);
        } finally {
            child.destroy();
            child.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static long pumpCpu(ThreadMXBean threads) {
        long total = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("media-")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /** The child: answers the offer, reports the first frame and a frame count every second. */
    private static void receiver() throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        System.setOut(System.err); // keep library chatter off the signalling channel
        try (ProbeViewer viewer = new ProbeViewer("probe", json -> {
            synchronized (out) {
                out.println(json);
            }
        })) {
            Thread reporter = new Thread(() -> {
                boolean first = false;
                while (true) {
                    if (!first && viewer.firstVideoFrameNanos() != 0) {
                        first = true;
                        synchronized (out) {
                            out.println("FIRST " + viewer.firstVideoFrameNanos());
                        }
                    }
                    synchronized (out) {
                        out.println("FRAMES " + viewer.videoFrames() + " " + viewer.width() + "x" + viewer.height());
                    }
                    try {
                        Thread.sleep(first ? 1000 : 5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "probe-reporter");
            reporter.setDaemon(true);
            synchronized (out) {
                out.println("READY");
            }
            reporter.start();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                ControlMessage.parse(line).ifPresent(viewer::onSignal);
            }
        }
    }
}
