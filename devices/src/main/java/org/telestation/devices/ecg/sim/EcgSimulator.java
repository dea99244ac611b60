package org.telestation.devices.ecg.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.telestation.devices.ecg.AecgWriter;
import org.telestation.devices.ecg.DicomEcgWriter;
import org.telestation.devices.ecg.EcgChannel;
import org.telestation.devices.ecg.EcgLead;
import org.telestation.devices.ecg.EcgMetadata;
import org.telestation.devices.ecg.EcgRecording;
import org.telestation.devices.ecg.ScpEcgWriter;
import org.telestation.devices.ecg.WfdbWriter;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;

/**
 * A 12-lead resting ECG generator: {@link EcgBeatModel} beats at a set heart rate (with optional beat-to-beat
 * jitter), white noise, and the faults of {@link EcgFault}. Output is quantised like a device: an integer ADC with
 * a fixed µV step, clipped at the int16 rails.
 */
public final class EcgSimulator {
    public static final DeviceIdentity DEVICE =
            new DeviceIdentity(DeviceKind.ECG_12_LEAD, "Telestation", "ECGSIM12", "SIM-0001", "simulator");

    /**
     * @param heartRateBpm mean heart rate
     * @param rrJitter     relative standard deviation of RR intervals (0 = perfectly regular)
     * @param noiseMicrovolts standard deviation of white noise added to every lead
     * @param microvoltsPerUnit ADC step (5 µV keeps ±10 mV within 12 bits, so WFDB 212 works)
     */
    public record Config(double heartRateBpm, double prMs, double qrsMs, double qtMs, double sampleRateHz,
                         double durationSeconds, double rrJitter, double noiseMicrovolts, double microvoltsPerUnit,
                         long seed, Instant startTime, List<EcgFault> faults) {
        public Config {
            if (!(heartRateBpm >= 20 && heartRateBpm <= 250)) throw new IllegalArgumentException("heart rate 20–250");
            if (!(sampleRateHz >= 100 && sampleRateHz <= 10_000)) throw new IllegalArgumentException("rate 100–10000 Hz");
            if (!(durationSeconds > 0 && durationSeconds <= 3600)) throw new IllegalArgumentException("duration");
            if (!(microvoltsPerUnit > 0)) throw new IllegalArgumentException("ADC step");
            faults = List.copyOf(faults);
        }

        /** A clean 10 s, 500 Hz, 72 bpm recording with PR 160, QRS 90, QT 380 ms. */
        public static Config standard() {
            return new Config(72, 160, 90, 380, 500, 10, 0, 0, 5, 1, Instant.parse("2026-11-22T09:30:00Z"), List.of());
        }

        public Config withRhythm(double hr, double pr, double qrs, double qt) {
            return new Config(hr, pr, qrs, qt, sampleRateHz, durationSeconds, rrJitter, noiseMicrovolts,
                    microvoltsPerUnit, seed, startTime, faults);
        }

        public Config withNoise(double microvolts, double jitter, long newSeed) {
            return new Config(heartRateBpm, prMs, qrsMs, qtMs, sampleRateHz, durationSeconds, jitter, microvolts,
                    microvoltsPerUnit, newSeed, startTime, faults);
        }

        public Config withFaults(List<EcgFault> newFaults) {
            return new Config(heartRateBpm, prMs, qrsMs, qtMs, sampleRateHz, durationSeconds, rrJitter,
                    noiseMicrovolts, microvoltsPerUnit, seed, startTime, newFaults);
        }
    }

    /** The recording and the ground truth it was made from. */
    public record SimulatedEcg(EcgRecording recording, double[] qrsOnsetSeconds, double[] rPeakSeconds,
                               Config config) {}

    private EcgSimulator() {}

    public static SimulatedEcg generate(Config cfg) {
        EcgBeatModel beat = new EcgBeatModel(cfg.prMs(), cfg.qrsMs(), cfg.qtMs());
        Random random = new Random(cfg.seed());
        int n = (int) Math.round(cfg.durationSeconds() * cfg.sampleRateHz());
        double[][] uv = new double[12][n];
        double meanRr = 60.0 / cfg.heartRateBpm();
        List<Double> onsets = new ArrayList<>();
        double t = -beat.startMs() / 1000 + 0.05; // the first P wave starts 50 ms into the record
        double[] independent = new double[8];
        double[] twelve = new double[12];
        while (t + beat.startMs() / 1000 < cfg.durationSeconds()) {
            onsets.add(t);
            int from = Math.max(0, (int) Math.floor((t + beat.startMs() / 1000) * cfg.sampleRateHz()));
            int to = Math.min(n - 1, (int) Math.ceil((t + beat.endMs() / 1000) * cfg.sampleRateHz()));
            for (int i = from; i <= to; i++) {
                java.util.Arrays.fill(independent, 0);
                beat.addIndependent((i / cfg.sampleRateHz() - t) * 1000, 1, independent);
                EcgBeatModel.project(independent, twelve);
                for (int lead = 0; lead < 12; lead++) uv[lead][i] += twelve[lead];
            }
            t += meanRr * Math.max(0.5, 1 + cfg.rrJitter() * random.nextGaussian());
        }
        applyNoiseAndFaults(cfg, random, uv);
        List<EcgChannel> channels = new ArrayList<>(12);
        for (EcgLead lead : EcgLead.values()) {
            int[] digital = new int[n];
            for (int i = 0; i < n; i++) {
                double v = Math.rint(uv[lead.ordinal()][i] / cfg.microvoltsPerUnit());
                digital[i] = (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
            }
            channels.add(EcgChannel.of(lead, digital, cfg.microvoltsPerUnit()));
        }
        EcgMetadata meta = new EcgMetadata(null, null, null, null, 150.0, 0.05, 50.0, null);
        EcgRecording recording = new EcgRecording(channels, cfg.sampleRateHz(), cfg.startTime(), DEVICE, meta);
        double[] qrs = onsets.stream().filter(o -> o >= 0 && o < cfg.durationSeconds()).mapToDouble(d -> d).toArray();
        double[] r = onsets.stream().mapToDouble(o -> o + beat.rPeakMs() / 1000)
                .filter(x -> x >= 0 && x < cfg.durationSeconds()).toArray();
        return new SimulatedEcg(recording, qrs, r, cfg);
    }

    private static void applyNoiseAndFaults(Config cfg, Random random, double[][] uv) {
        int n = uv[0].length;
        for (double[] lead : uv) {
            if (cfg.noiseMicrovolts() > 0) {
                for (int i = 0; i < n; i++) lead[i] += cfg.noiseMicrovolts() * random.nextGaussian();
            }
        }
        for (EcgFault fault : cfg.faults()) {
            if (fault instanceof EcgFault.BaselineWander w) {
                for (int lead = 0; lead < 12; lead++) {
                    double phase = lead * 0.7;
                    for (int i = 0; i < n; i++) {
                        uv[lead][i] += w.amplitudeMicrovolts()
                                * Math.sin(2 * Math.PI * w.frequencyHz() * i / cfg.sampleRateHz() + phase);
                    }
                }
            } else if (fault instanceof EcgFault.MainsInterference m) {
                for (double[] lead : uv) {
                    for (int i = 0; i < n; i++) {
                        lead[i] += m.amplitudeMicrovolts() * Math.sin(2 * Math.PI * m.frequencyHz() * i / cfg.sampleRateHz());
                    }
                }
            }
        }
        for (EcgFault fault : cfg.faults()) {
            if (fault instanceof EcgFault.LeadOff off) {
                java.util.Arrays.fill(uv[off.lead().ordinal()], 0);
            } else if (fault instanceof EcgFault.OutOfRange out) {
                java.util.Arrays.fill(uv[out.lead().ordinal()], Double.MAX_VALUE / 4);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- CLI

    private static final String USAGE = """
            Usage: java -cp <devices.jar:deps> org.telestation.devices.ecg.sim.EcgSimulator [options] --out FILE
              --format F      dicom | scp | aecg | wfdb16 | wfdb212   (default dicom)
              --out FILE      output file; for wfdb*, FILE without extension names the record: NAME.hea + NAME.dat
              --hr BPM        heart rate (default 72)
              --pr MS --qrs MS --qt MS   intervals (defaults 160, 90, 380)
              --rate HZ       sample rate (default 500)
              --duration S    seconds (default 10)
              --noise UV      white noise standard deviation in µV (default 0)
              --jitter R      relative RR standard deviation (default 0)
              --seed N        random seed (default 1)
              --wander UV[@HZ]  baseline wander (default frequency 0.3 Hz)
              --mains UV[@HZ]   mains interference (default 50 Hz)
              --lead-off LEAD   flat line on a lead (I, II, III, aVR, aVL, aVF, V1…V6); repeatable
              --saturate LEAD   lead pinned at the ADC rail; repeatable
              --help          this text
            """;

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Config cfg = Config.standard();
        String format = "dicom";
        String file = null;
        double hr = cfg.heartRateBpm(), pr = cfg.prMs(), qrs = cfg.qrsMs(), qt = cfg.qtMs();
        double rate = cfg.sampleRateHz(), duration = cfg.durationSeconds(), noise = 0, jitter = 0;
        long seed = 1;
        List<EcgFault> faults = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    out.print(USAGE);
                    return 0;
                }
                if (i + 1 >= args.length) throw new IllegalArgumentException("missing value after " + a);
                String v = args[++i];
                switch (a) {
                    case "--format" -> format = v;
                    case "--out" -> file = v;
                    case "--hr" -> hr = Double.parseDouble(v);
                    case "--pr" -> pr = Double.parseDouble(v);
                    case "--qrs" -> qrs = Double.parseDouble(v);
                    case "--qt" -> qt = Double.parseDouble(v);
                    case "--rate" -> rate = Double.parseDouble(v);
                    case "--duration" -> duration = Double.parseDouble(v);
                    case "--noise" -> noise = Double.parseDouble(v);
                    case "--jitter" -> jitter = Double.parseDouble(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--wander" -> faults.add(new EcgFault.BaselineWander(amplitude(v), frequency(v, 0.3)));
                    case "--mains" -> faults.add(new EcgFault.MainsInterference(amplitude(v), frequency(v, 50)));
                    case "--lead-off" -> faults.add(new EcgFault.LeadOff(lead(v)));
                    case "--saturate" -> faults.add(new EcgFault.OutOfRange(lead(v)));
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (file == null) throw new IllegalArgumentException("--out is required");
            Config c = new Config(hr, pr, qrs, qt, rate, duration, jitter, noise, cfg.microvoltsPerUnit(), seed,
                    Instant.now(), faults);
            EcgRecording rec = generate(c).recording();
            Path path = Path.of(file);
            ZoneId zone = ZoneId.systemDefault();
            switch (format) {
                case "dicom" -> Files.write(path, DicomEcgWriter.write(rec, zone));
                case "scp" -> Files.write(path, ScpEcgWriter.write(rec, zone, ScpEcgWriter.Encoding.SECOND_DIFFERENCE));
                case "aecg" -> Files.write(path, AecgWriter.write(rec, zone));
                case "wfdb16", "wfdb212" -> {
                    String name = path.getFileName().toString().replaceAll("\\..*$", "");
                    Path dir = path.toAbsolutePath().getParent();
                    WfdbWriter.write(rec, name, format.equals("wfdb16") ? 16 : 212, zone).writeTo(dir);
                }
                default -> throw new IllegalArgumentException("unknown format " + format);
            }
            err.printf("wrote %s: %d leads, %d samples at %.0f Hz, HR %.0f bpm, PR %.0f, QRS %.0f, QT %.0f ms%n",
                    format, rec.channels().size(), rec.sampleCount(), rate, hr, pr, qrs, qt);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
    }

    private static double amplitude(String v) {
        return Double.parseDouble(v.split("@")[0]);
    }

    private static double frequency(String v, double fallback) {
        String[] p = v.split("@");
        return p.length > 1 ? Double.parseDouble(p[1]) : fallback;
    }

    private static EcgLead lead(String v) {
        EcgLead lead = EcgLead.fromText(v);
        if (lead == null) throw new IllegalArgumentException("unknown lead " + v);
        return lead;
    }
}
