package org.telestation.devices.ecg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Writes a WFDB record: header text and one signal file in format 16 or 212 (see {@link WfdbReader}). */
public final class WfdbWriter {
    /** A header and its signal file, named {@code name.hea} and {@code name.dat}. */
    public record WfdbRecord(String name, String header, byte[] signals) {
        public void writeTo(Path directory) throws IOException {
            Files.writeString(directory.resolve(name + ".hea"), header, StandardCharsets.ISO_8859_1);
            Files.write(directory.resolve(name + ".dat"), signals);
        }
    }

    private WfdbWriter() {}

    /**
     * @throws IllegalArgumentException for format 212 when a sample does not fit 12 bits, or for a channel whose
     *                                  offset is not a whole number of steps
     */
    public static WfdbRecord write(EcgRecording rec, String name, int format, ZoneId zone) {
        if (format != 16 && format != 212) throw new IllegalArgumentException("format 16 or 212");
        if (!name.matches("[A-Za-z0-9_]+")) throw new IllegalArgumentException("WFDB record names are [A-Za-z0-9_]");
        int nsig = rec.channels().size();
        int n = rec.sampleCount();
        int[][] s = new int[nsig][];
        for (int c = 0; c < nsig; c++) {
            s[c] = format == 16 ? rec.channels().get(c).toInt16Range().samples() : rec.channels().get(c).samples();
            for (int v : s[c]) {
                if (format == 212 && (v < -2048 || v > 2047)) {
                    throw new IllegalArgumentException("format 212 holds 12-bit samples; use format 16");
                }
            }
        }
        StringBuilder h = new StringBuilder();
        h.append(name).append(' ').append(nsig).append(' ').append(num(rec.sampleRateHz())).append(' ').append(n);
        if (rec.acquisitionTime() != null) {
            h.append(' ').append(DateTimeFormatter.ofPattern("HH:mm:ss.SSS dd/MM/yyyy")
                    .format(rec.acquisitionTime().atZone(zone)));
        }
        h.append('\n');
        for (int c = 0; c < nsig; c++) {
            EcgChannel ch = format == 16 ? rec.channels().get(c).toInt16Range() : rec.channels().get(c);
            double gain = 1000 / ch.microvoltsPerUnit();
            double base = -ch.offsetMicrovolts() / ch.microvoltsPerUnit();
            if (Math.abs(base - Math.rint(base)) > 1e-6) throw new IllegalArgumentException("offset is not whole steps");
            int sum = 0;
            for (int i = 0; i < n; i++) sum += i < s[c].length ? s[c][i] : 0;
            h.append(name).append(".dat ").append(format).append(' ').append(num(gain)).append('(')
                    .append((long) Math.rint(base)).append(")/mV ").append(format == 16 ? 16 : 12).append(" 0 ")
                    .append(s[c].length > 0 ? s[c][0] : 0).append(' ').append((short) sum).append(" 0 ")
                    .append(ch.label()).append('\n');
        }
        return new WfdbRecord(name, h.toString(), format == 16 ? pack16(s, n) : pack212(s, n));
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.10g", v).replaceAll("0+$", "");
    }

    private static int at(int[][] s, int c, int i) {
        return i < s[c].length ? s[c][i] : 0;
    }

    private static byte[] pack16(int[][] s, int n) {
        byte[] out = new byte[n * s.length * 2];
        int o = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < s.length; c++) {
                int v = at(s, c, i);
                out[o++] = (byte) v;
                out[o++] = (byte) (v >> 8);
            }
        }
        return out;
    }

    private static byte[] pack212(int[][] s, int n) {
        long total = (long) n * s.length;
        byte[] out = new byte[(int) ((total + 1) / 2 * 3)];
        int o = 0;
        for (long k = 0; k < total; k += 2) {
            int a = at(s, (int) (k % s.length), (int) (k / s.length)) & 0xFFF;
            int b = k + 1 < total ? at(s, (int) ((k + 1) % s.length), (int) ((k + 1) / s.length)) & 0xFFF : 0;
            out[o++] = (byte) a;
            out[o++] = (byte) ((a >> 8) & 0x0F | (b >> 4) & 0xF0);
            out[o++] = (byte) b;
        }
        return out;
    }
}
