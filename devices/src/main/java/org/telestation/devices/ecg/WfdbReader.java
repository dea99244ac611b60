package org.telestation.devices.ecg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;

/**
 * Reads PhysioNet WFDB records (standards.md §3.5, wfdb-spec): a {@code .hea} header and one signal file in
 * format 16 (little-endian int16, interleaved) or 212 (pairs of 12-bit samples in 3 bytes, across the
 * interleaved stream). Physical = (digital − baseline) / gain, in the header's units.
 *
 * <p>Not supported (refused with a message): multi-segment records, signals spread over several files, other
 * formats, sample skew and multi-sample frames. Checksums in the header are verified.
 */
public final class WfdbReader {
    static final int MAX_SIGNALS = 64;

    private WfdbReader() {}

    /** Reads {@code record.hea} and the signal file it names, from the same directory. */
    public static EcgRecording read(Path header) throws IOException, EcgFormatException {
        String text = Files.readString(header, StandardCharsets.ISO_8859_1);
        Header h = parseHeader(text);
        String file = h.signals.get(0).file;
        if (file.contains("/") || file.contains("\\") || file.startsWith(".")) {
            throw new EcgFormatException("signal file must sit next to the header");
        }
        return decode(h, Files.readAllBytes(header.resolveSibling(file)), ZoneId.systemDefault());
    }

    public static EcgRecording read(String headerText, byte[] signalFile) throws EcgFormatException {
        return read(headerText, signalFile, ZoneId.systemDefault());
    }

    public static EcgRecording read(String headerText, byte[] signalFile, ZoneId zone) throws EcgFormatException {
        if (headerText == null || signalFile == null) throw new EcgFormatException("no data");
        return decode(parseHeader(headerText), signalFile, zone);
    }

    private record Signal(String file, int format, int byteOffset, double gain, int baseline, String units,
                          Integer checksum, String description) {}

    private record Header(int sampleCount, double frequency, String baseTime, String baseDate, List<Signal> signals) {}

    static Header parseHeader(String text) throws EcgFormatException {
        List<String[]> lines = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) lines.add(t.split("[ \t]+"));
            if (lines.size() > MAX_SIGNALS + 1) break;
        }
        if (lines.isEmpty()) throw new EcgFormatException("empty header");
        String[] record = lines.get(0);
        if (record[0].contains("/")) throw new EcgFormatException("multi-segment records are not supported");
        if (record.length < 2) throw new EcgFormatException("record line lacks the number of signals");
        int nsig = integer(record[1], "number of signals");
        if (nsig < 1 || nsig > MAX_SIGNALS) throw new EcgFormatException("bad number of signals " + nsig);
        double fs = 250;
        if (record.length > 2) fs = decimal(record[2].replaceAll("[/(].*$", ""), "sampling frequency");
        if (!(fs > 0) || fs > 100_000) throw new EcgFormatException("bad sampling frequency");
        int nsamp = record.length > 3 ? integer(record[3], "number of samples") : -1;
        if (lines.size() < nsig + 1) throw new EcgFormatException("header has fewer signal lines than " + nsig);
        List<Signal> signals = new ArrayList<>(nsig);
        for (int i = 1; i <= nsig; i++) {
            String[] t = lines.get(i);
            if (t.length < 2) throw new EcgFormatException("signal line " + i + " lacks a format");
            String fmt = t[1];
            if (fmt.contains("x") || fmt.contains(":")) throw new EcgFormatException("sample skew/frames not supported");
            int plus = fmt.indexOf('+');
            int format = integer(plus < 0 ? fmt : fmt.substring(0, plus), "format");
            int byteOffset = plus < 0 ? 0 : integer(fmt.substring(plus + 1), "byte offset");
            if (byteOffset < 0) throw new EcgFormatException("negative byte offset");
            if (format != 16 && format != 212) throw new EcgFormatException("WFDB format " + format + " is not supported");
            double gain = 200;
            Integer baseline = null;
            String units = "mV";
            if (t.length > 2) {
                String g = t[2];
                int slash = g.indexOf('/');
                if (slash >= 0) {
                    units = g.substring(slash + 1);
                    g = g.substring(0, slash);
                }
                int paren = g.indexOf('(');
                if (paren >= 0) {
                    if (!g.endsWith(")")) throw new EcgFormatException("bad baseline on signal " + i);
                    baseline = integer(g.substring(paren + 1, g.length() - 1), "baseline");
                    g = g.substring(0, paren);
                }
                gain = decimal(g, "gain");
                if (gain == 0) gain = 200;
            }
            if (!(gain > 0) || !Double.isFinite(1e6 / gain) || !Double.isFinite((double) Integer.MAX_VALUE * 1e6 / gain)) {
                throw new EcgFormatException("bad gain on signal " + i);
            }
            int adcZero = t.length > 4 ? integer(t[4], "ADC zero") : 0;
            Integer checksum = t.length > 6 ? integer(t[6], "checksum") : null;
            String description = t.length > 8 ? String.join(" ", java.util.Arrays.copyOfRange(t, 8, t.length)) : null;
            signals.add(new Signal(t[0], format, byteOffset, gain, baseline != null ? baseline : adcZero, units,
                    checksum, description));
        }
        for (Signal s : signals) {
            if (!s.file.equals(signals.get(0).file) || s.format != signals.get(0).format
                    || s.byteOffset != signals.get(0).byteOffset) {
                throw new EcgFormatException("signals in several files or formats are not supported");
            }
        }
        return new Header(nsamp, fs, record.length > 4 ? record[4] : null, record.length > 5 ? record[5] : null,
                signals);
    }

    private static EcgRecording decode(Header h, byte[] data, ZoneId zone) throws EcgFormatException {
        int nsig = h.signals.size();
        Signal first = h.signals.get(0);
        if (first.byteOffset > data.length) throw new EcgFormatException("byte offset beyond the signal file");
        long available = data.length - (long) first.byteOffset;
        long maxFrames = first.format == 16 ? available / (2L * nsig) : available * 2 / 3 / nsig;
        long frames = h.sampleCount >= 0 ? h.sampleCount : maxFrames;
        if (frames > maxFrames) {
            throw new EcgFormatException("header claims " + frames + " samples, the signal file holds " + maxFrames);
        }
        if (frames == 0) throw new EcgFormatException("no samples");
        int n = (int) frames;
        int[][] samples = new int[nsig][n];
        int o = first.byteOffset;
        if (first.format == 16) {
            for (int s = 0; s < n; s++) {
                for (int c = 0; c < nsig; c++) {
                    samples[c][s] = (short) (data[o] & 0xFF | (data[o + 1] & 0xFF) << 8);
                    o += 2;
                }
            }
        } else {
            long total = (long) n * nsig;
            for (long k = 0; k < total; k += 2) {
                int b0 = data[o] & 0xFF;
                int b1 = data[o + 1] & 0xFF;
                put(samples, k, nsig, signExtend12(b0 | (b1 & 0x0F) << 8));
                if (k + 1 < total) put(samples, k + 1, nsig, signExtend12((b1 & 0xF0) << 4 | data[o + 2] & 0xFF));
                o += 3;
            }
        }
        List<EcgChannel> channels = new ArrayList<>(nsig);
        for (int c = 0; c < nsig; c++) {
            Signal s = h.signals.get(c);
            if (s.checksum != null && h.sampleCount >= 0) {
                int sum = 0;
                for (int v : samples[c]) sum += v;
                if ((short) sum != (short) (int) s.checksum) throw new EcgFormatException("checksum mismatch on signal " + (c + 1));
            }
            double unit = switch (s.units) {
                case "uV" -> 1;
                case "V" -> 1e6;
                default -> 1000; // mV, the WFDB default
            };
            EcgLead lead = EcgLead.fromText(s.description);
            String label = s.description != null ? s.description : "signal " + (c + 1);
            channels.add(new EcgChannel(lead, lead != null ? lead.label() : label, samples[c], unit / s.gain,
                    -s.baseline * unit / s.gain));
        }
        return new EcgRecording(channels, h.frequency, baseTime(h, zone),
                new DeviceIdentity(DeviceKind.ECG_12_LEAD, null, null, null, "wfdb-file"), EcgMetadata.EMPTY);
    }

    private static void put(int[][] samples, long k, int nsig, int value) {
        samples[(int) (k % nsig)][(int) (k / nsig)] = value;
    }

    static int signExtend12(int v) {
        return v << 20 >> 20;
    }

    private static Instant baseTime(Header h, ZoneId zone) {
        if (h.baseTime == null || h.baseDate == null) return null;
        try {
            String[] t = h.baseTime.split(":");
            String[] d = h.baseDate.split("/");
            if (t.length != 3 || d.length != 3) return null;
            double sec = Double.parseDouble(t[2]);
            LocalTime time = LocalTime.of(Integer.parseInt(t[0]), Integer.parseInt(t[1]), (int) sec,
                    (int) Math.round((sec - Math.floor(sec)) * 1e9) % 1_000_000_000);
            LocalDate date = LocalDate.of(Integer.parseInt(d[2]), Integer.parseInt(d[1]), Integer.parseInt(d[0]));
            return LocalDateTime.of(date, time).atZone(zone).toInstant();
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int integer(String s, String what) throws EcgFormatException {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new EcgFormatException("bad " + what + ": " + abbreviate(s));
        }
    }

    private static double decimal(String s, String what) throws EcgFormatException {
        try {
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new EcgFormatException("bad " + what + ": " + abbreviate(s));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
