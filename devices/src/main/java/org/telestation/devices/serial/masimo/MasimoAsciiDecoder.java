package org.telestation.devices.serial.masimo;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.telestation.devices.serial.FrameScanner;

/**
 * Masimo Rad-8 / Radical-7 serial ASCII output (standards.md §2.3): one line per report, ending CR LF,
 * {@code MM/DD/YY HH:MM:SS} then space-separated {@code KEY=VALUE} tokens whose set and order vary with firmware,
 * so tokens are read by key, never by column. A line is accepted when its date and time are valid and it carries
 * SPO2 and a pulse rate (BPM, or PR in trend prints); any other line is skipped whole.
 */
public final class MasimoAsciiDecoder extends FrameScanner {

    /** Longer lines are not Masimo output: this bounds the buffer. */
    public static final int MAX_LINE_LENGTH = 320;
    private final Consumer<? super MasimoRecord> out;

    public MasimoAsciiDecoder(Consumer<? super MasimoRecord> out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    protected int maxFrameLength() {
        return MAX_LINE_LENGTH;
    }

    @Override
    protected int tryFrame(byte[] b, int p, int available) {
        if (b[p] < '0' || b[p] > '9') {
            return NOT_A_FRAME;
        }
        int limit = Math.min(available, MAX_LINE_LENGTH);
        int lf = -1;
        for (int i = 0; i < limit; i++) {
            byte c = b[p + i];
            if (c == '\n') {
                lf = i;
                break;
            }
            if ((c < 0x20 || c > 0x7E) && c != '\r') {
                return rejectWhole(i + 1); // binary noise inside a line
            }
        }
        if (lf < 0) {
            return available < MAX_LINE_LENGTH ? NEED_MORE : rejectWhole(MAX_LINE_LENGTH);
        }
        String line = new String(b, p, lf, StandardCharsets.US_ASCII);
        MasimoRecord record = parse(line);
        // A line cut short runs into the next one: look for a date starting later in the line ("MM/DD/YY ").
        for (int i = line.indexOf('/', 3); record == null && i >= 2; i = line.indexOf('/', i + 1)) {
            if (i + 3 < line.length() && line.charAt(i + 3) == '/') {
                record = parse(line.substring(i - 2));
            }
        }
        if (record == null) {
            return rejectWhole(lf + 1);
        }
        out.accept(record);
        return lf + 1;
    }

    /** Parses one line without its line end; null when it is not a valid Masimo line. */
    public static MasimoRecord parse(String line) {
        String[] tokens = line.trim().split(" +");
        if (tokens.length < 4) {
            return null;
        }
        LocalDateTime time = dateTime(tokens[0], tokens[1]);
        if (time == null) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 2; i < tokens.length; i++) {
            int eq = tokens[i].indexOf('=');
            if (eq <= 0) {
                return null;
            }
            fields.put(tokens[i].substring(0, eq).toUpperCase(Locale.ROOT), tokens[i].substring(eq + 1));
        }
        String pulse = fields.containsKey("BPM") ? fields.get("BPM") : fields.get("PR");
        double spo2 = number(fields.get("SPO2"));
        double pulseRate = number(pulse);
        double pi = fields.containsKey("PI") ? number(fields.get("PI")) : Double.NaN;
        int alarm = hex(fields.getOrDefault("ALARM", "0"));
        int exceptions = hex(fields.getOrDefault("EXC", "0"));
        if (spo2 == INVALID || pulseRate == INVALID || pi == INVALID || alarm < 0 || exceptions < 0) {
            return null;
        }
        return new MasimoRecord(time, fields.get("SN"), spo2, pulseRate, pi, alarm, exceptions, fields);
    }

    /** Marks a token that is neither a number nor dashes; cannot collide with a parsed value (all are ≥ 0). */
    private static final double INVALID = -1;

    /** "098%", "03.60%", "097" → the number; dashes ("--", "--.-") → NaN; anything else → INVALID. */
    private static double number(String value) {
        if (value == null) {
            return INVALID;
        }
        String v = value.endsWith("%") ? value.substring(0, value.length() - 1) : value;
        if (v.isEmpty() || v.length() > 8) {
            return INVALID;
        }
        if (v.chars().allMatch(c -> c == '-' || c == '.')) {
            return v.indexOf('-') >= 0 ? Double.NaN : INVALID;
        }
        if (!v.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.') || v.indexOf('.') != v.lastIndexOf('.')
                || v.startsWith(".") || v.endsWith(".")) {
            return INVALID;
        }
        return Double.parseDouble(v);
    }

    /** "000800", "0000", "800:SET" → the hex value before any ':'; -1 when not hex. */
    private static int hex(String value) {
        int colon = value.indexOf(':');
        String v = colon >= 0 ? value.substring(0, colon) : value;
        if (v.isEmpty() || v.length() > 6) {
            return -1;
        }
        int result = 0;
        for (int i = 0; i < v.length(); i++) {
            int digit = Character.digit(v.charAt(i), 16);
            if (digit < 0) {
                return -1;
            }
            result = result * 16 + digit;
        }
        return result;
    }

    private static LocalDateTime dateTime(String date, String time) {
        if (date.length() != 8 || time.length() != 8 || date.charAt(2) != '/' || date.charAt(5) != '/'
                || time.charAt(2) != ':' || time.charAt(5) != ':') {
            return null;
        }
        int[] d = {two(date, 0), two(date, 3), two(date, 6), two(time, 0), two(time, 3), two(time, 6)};
        for (int v : d) {
            if (v < 0) {
                return null;
            }
        }
        try {
            return LocalDateTime.of(2000 + d[2], d[0], d[1], d[3], d[4], d[5]);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int two(String s, int at) {
        char a = s.charAt(at);
        char b = s.charAt(at + 1);
        return a < '0' || a > '9' || b < '0' || b > '9' ? -1 : (a - '0') * 10 + (b - '0');
    }
}
