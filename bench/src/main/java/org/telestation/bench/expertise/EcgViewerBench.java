package org.telestation.bench.expertise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.telestation.devices.ecg.EcgChannel;
import org.telestation.devices.ecg.EcgRecording;
import org.telestation.devices.ecg.sim.EcgSimulator;

/**
 * How long the tele-expertise ECG viewer (server/src/main/resources/static/js/expertise/ecg-viewer.js) takes to draw a
 * 12-lead, 10 s, 500 Hz recording in headless Debian Chromium. Target: ≤ 100 ms per full draw (grid, 12 panels,
 * rhythm strip). The page draws once to warm up, then {@code --draws} times, reading {@code performance.now()} around
 * each draw (the viewer's own {@code lastDrawMs}), and prints the figures into the DOM that Chromium dumps.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.telestation.bench.expertise.EcgViewerBench [--draws 20] [--viewer PATH]
 *      [--chromium /usr/bin/chromium]
 * </pre>
 */
public final class EcgViewerBench {

    private EcgViewerBench() {}

    public static void main(String[] args) throws Exception {
        int draws = 20;
        Path viewer = Path.of("server/src/main/resources/static/js/expertise/ecg-viewer.js");
        Path chromium = Path.of("/usr/bin/chromium");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.println("""
                            Usage: java -cp bench/target/benchmarks.jar org.telestation.bench.expertise.EcgViewerBench \\
                                   [--draws N] [--viewer path/to/ecg-viewer.js] [--chromium /usr/bin/chromium]
                            Draws a simulated 12-lead 10 s 500 Hz ECG N times in headless Chromium and prints the
                            draw times (ms): min, median, p90, max. Run from the repository root.""");
                    return;
                }
                case "--draws" -> draws = Integer.parseInt(args[++i]);
                case "--viewer" -> viewer = Path.of(args[++i]);
                case "--chromium" -> chromium = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
            }
        }
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("needs Debian chromium at " + chromium + " (apt-get install chromium)");
        }
        if (!Files.isReadable(viewer)) {
            throw new IllegalStateException("viewer module not found at " + viewer + " (run from the repository root)");
        }
        EcgRecording recording = EcgSimulator.generate(EcgSimulator.Config.standard()).recording();
        Path dir = Files.createTempDirectory("ecg-viewer-bench-");
        try {
            Path page = dir.resolve("bench.html");
            Files.writeString(page, page(Files.readString(viewer), json(recording), draws), StandardCharsets.UTF_8);
            String dom = run(chromium, dir, page);
            Matcher m = Pattern.compile("RESULT ([0-9.,]+) END").matcher(dom);
            if (!m.find()) {
                throw new IllegalStateException("the page did not report: " + dom.substring(0, Math.min(2000, dom.length())));
            }
            List<Double> times = new ArrayList<>();
            for (String t : m.group(1).split(",")) {
                times.add(Double.parseDouble(t));
            }
            times.sort(Comparator.naturalOrder());
            System.out.printf("ECG viewer, 12 leads x %d samples (%.0f Hz, %.1f s), %d draws in headless Chromium:%n",
                    recording.sampleCount(), recording.sampleRateHz(), recording.sampleCount() / recording.sampleRateHz(),
                    times.size());
            System.out.printf("  min %.1f ms, median %.1f ms, p90 %.1f ms, max %.1f ms (target <= 100 ms)%n",
                    times.get(0), times.get(times.size() / 2), times.get((int) Math.ceil(times.size() * 0.9) - 1),
                    times.get(times.size() - 1));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The leads in microvolts, in the JSON shape the server's /api/expertise/attachments/{id}/ecg returns. */
    static String json(EcgRecording r) {
        StringBuilder b = new StringBuilder("{\"sampleRateHz\":").append(r.sampleRateHz()).append(",\"leads\":[");
        boolean first = true;
        for (EcgChannel c : r.channels()) {
            if (!first) b.append(',');
            first = false;
            b.append("{\"name\":\"").append(c.lead().label()).append("\",\"microvolts\":[");
            double[] uv = c.toMicrovolts();
            for (int i = 0; i < uv.length; i++) {
                if (i > 0) b.append(',');
                b.append(Math.round(uv[i]));
            }
            b.append("]}");
        }
        return b.append("],\"measurements\":{}}").toString();
    }

    static String page(String viewerSource, String json, int draws) {
        String module = viewerSource.replaceAll("(?s)for \\(const root of document\\.querySelectorAll\\(\"\\[data-ecg-viewer]\"\\)\\).*$", "");
        return """
                <!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
                <canvas id="c"></canvas><pre id="out">pending</pre>
                <script type="module">
                %s
                const view = %s;
                const viewer = new EcgViewer(document.getElementById("c"), view);
                viewer.draw();
                const times = [];
                for (let i = 0; i < %d; i++) {
                  const t0 = performance.now();
                  viewer.draw();
                  viewer.canvas.getContext("2d").getImageData(0, 0, 1, 1); // wait for the raster
                  times.push(performance.now() - t0);
                }
                document.getElementById("out").textContent = "RESULT " + times.map((t) => t.toFixed(2)).join(",") + " END";
                </script></body></html>
                """.formatted(module, json, draws);
    }

    static String run(Path chromium, Path dir, Path page) throws IOException, InterruptedException {
        Path profile = Files.createDirectory(dir.resolve("profile"));
        Process p = new ProcessBuilder(chromium.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
                "--dump-dom", page.toUri().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not finish");
        }
        return out;
    }
}
