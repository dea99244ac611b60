package org.telestation.devices.ecg;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Writes SCP-ECG records with sections 0, 1, 3 and 6 only (no Huffman section 2, no reference beat): the subset
 * {@link ScpEcgReader} reads. Section/protocol version 2.0 (20). All leads share section 6's amplitude multiplier,
 * so leads are brought to one common integer nanovolt step first.
 */
public final class ScpEcgWriter {
    /** Section 6 encodings: samples as is, first differences, second differences. */
    public enum Encoding { RAW, FIRST_DIFFERENCE, SECOND_DIFFERENCE }

    private static final int VERSION = 20;

    private ScpEcgWriter() {}

    public static byte[] write(EcgRecording recording) {
        return write(recording, ZoneId.systemDefault(), Encoding.SECOND_DIFFERENCE);
    }

    public static byte[] write(EcgRecording recording, ZoneId zone, Encoding encoding) {
        double micros = 1e6 / recording.sampleRateHz();
        if (Math.abs(micros - Math.rint(micros)) > 1e-6 || micros > 0xFFFF) {
            throw new IllegalArgumentException("SCP-ECG needs a whole number of µs per sample");
        }
        List<EcgChannel> channels = recording.channels();
        int[][] digital = new int[channels.size()][];
        int nanovolts = commonStep(channels, digital);
        byte[] s1 = section1(recording, zone);
        byte[] s3 = section3(channels, recording.sampleCount());
        byte[] s6 = section6(digital, nanovolts, (int) Math.rint(micros), encoding);
        byte[][] sections = {null, s1, null, s3, null, null, s6};
        int offset = 6 + 16 + 12 * 10;
        ByteArrayOutputStream pointers = new ByteArrayOutputStream();
        int[] index = new int[12];
        index[0] = 7;
        int position = offset;
        for (int id = 1; id < sections.length; id++) {
            if (sections[id] != null) {
                index[id] = position + 1;
                position += sections[id].length;
            }
        }
        for (int id = 0; id < 12; id++) {
            int length = id == 0 ? offset - 6 : id < sections.length && sections[id] != null ? sections[id].length : 0;
            u16(pointers, id);
            u32(pointers, length);
            u32(pointers, length == 0 ? 0 : index[id]);
        }
        ByteArrayOutputStream record = new ByteArrayOutputStream(position);
        record.writeBytes(new byte[6]);
        record.writeBytes(section(0, pointers.toByteArray()));
        for (byte[] s : sections) if (s != null) record.writeBytes(s);
        byte[] out = record.toByteArray();
        put32(out, 2, out.length);
        int crc = ScpCrc.compute(out, 2, out.length - 2);
        out[0] = (byte) crc;
        out[1] = (byte) (crc >> 8);
        return out;
    }

    /** One nV step for all leads, large enough that every lead's µV values fit int16. */
    private static int commonStep(List<EcgChannel> channels, int[][] digital) {
        double step = 0;
        double peak = 0;
        for (EcgChannel c : channels) {
            step = Math.max(step, c.microvoltsPerUnit());
            for (int i = 0; i < c.length(); i++) peak = Math.max(peak, Math.abs(c.microvolts(i)));
        }
        int nanovolts = (int) Math.max(1, Math.round(step * 1000));
        while (peak / (nanovolts / 1000.0) > Short.MAX_VALUE) nanovolts *= 2;
        if (nanovolts > 0xFFFF) throw new IllegalArgumentException("amplitudes too large for SCP-ECG");
        for (int k = 0; k < channels.size(); k++) {
            EcgChannel c = channels.get(k);
            digital[k] = new int[c.length()];
            for (int i = 0; i < c.length(); i++) {
                digital[k][i] = (int) Math.round(c.microvolts(i) * 1000 / nanovolts);
            }
        }
        return nanovolts;
    }

    private static byte[] section1(EcgRecording recording, ZoneId zone) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EcgMetadata m = recording.metadata();
        if (m.patientName() != null) {
            String[] parts = m.patientName().split("\\^", -1);
            tagText(out, 0, parts[0]);
            if (parts.length > 1) tagText(out, 1, parts[1]);
        }
        if (m.patientId() != null) tagText(out, 2, m.patientId());
        if (m.birthDate() != null) {
            tag(out, 5, new byte[] {(byte) m.birthDate().getYear(), (byte) (m.birthDate().getYear() >> 8),
                    (byte) m.birthDate().getMonthValue(), (byte) m.birthDate().getDayOfMonth()});
        }
        if (m.sex() != null) tag(out, 8, new byte[] {(byte) ("M".equals(m.sex()) ? 1 : "F".equals(m.sex()) ? 2 : 0)});
        tag(out, 14, deviceTag(recording));
        if (recording.acquisitionTime() != null) {
            ZonedDateTime t = recording.acquisitionTime().atZone(zone);
            tag(out, 25, new byte[] {(byte) t.getYear(), (byte) (t.getYear() >> 8), (byte) t.getMonthValue(),
                    (byte) t.getDayOfMonth()});
            tag(out, 26, new byte[] {(byte) t.getHour(), (byte) t.getMinute(), (byte) t.getSecond()});
            int minutes = t.getOffset().getTotalSeconds() / 60;
            tag(out, 34, new byte[] {(byte) minutes, (byte) (minutes >> 8), 0, 0, 0});
        }
        if (m.highPassHz() != null) {
            int centiHz = (int) Math.round(m.highPassHz() * 100);
            tag(out, 27, new byte[] {(byte) centiHz, (byte) (centiHz >> 8)});
        }
        if (m.lowPassHz() != null) {
            int hz = (int) Math.round(m.lowPassHz());
            tag(out, 28, new byte[] {(byte) hz, (byte) (hz >> 8)});
        }
        if (m.notchHz() != null) tag(out, 29, new byte[] {(byte) (m.notchHz() == 50 ? 2 : 1)});
        if (m.interpretation() != null) tagText(out, 30, m.interpretation());
        tag(out, 255, new byte[0]);
        return section(1, out.toByteArray());
    }

    /** Tag 14: 36-byte fixed part (model in bytes 8–13), then five NUL-terminated strings. */
    private static byte[] deviceTag(EcgRecording recording) {
        byte[] fixed = new byte[36];
        String model = recording.device() != null && recording.device().model() != null ? recording.device().model() : "";
        byte[] m = model.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(m, 0, fixed, 8, Math.min(5, m.length));
        fixed[14] = VERSION;
        fixed[15] = (byte) 0xA0; // compatibility level: Category I-like, uncompressed
        fixed[18] = 1; // mains frequency 50 Hz
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(fixed);
        String serial = recording.device() != null && recording.device().serial() != null ? recording.device().serial() : "";
        String maker = recording.device() != null && recording.device().manufacturer() != null
                ? recording.device().manufacturer() : "";
        for (String s : new String[] {"", serial, "", "Telestation", maker}) {
            out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            out.write(0);
        }
        return out.toByteArray();
    }

    private static byte[] section3(List<EcgChannel> channels, int samples) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(channels.size());
        out.write(0x04 | Math.min(channels.size(), 31) << 3); // all leads recorded simultaneously
        for (EcgChannel c : channels) {
            u32(out, 1);
            u32(out, c.length());
            out.write(c.lead() != null ? c.lead().scpId() : 0);
        }
        return section(3, out.toByteArray());
    }

    private static byte[] section6(int[][] digital, int nanovolts, int micros, Encoding encoding) {
        int mode = encoding.ordinal();
        int[][] encoded = new int[digital.length][];
        for (int k = 0; k < digital.length; k++) {
            encoded[k] = difference(digital[k], mode);
            for (int v : encoded[k]) if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) mode = -1;
        }
        if (mode < 0) {
            mode = 0;
            encoded = digital;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, nanovolts);
        u16(out, micros);
        out.write(mode);
        out.write(0);
        for (int[] lead : encoded) u16(out, lead.length * 2);
        for (int[] lead : encoded) for (int v : lead) u16(out, v);
        return section(6, out.toByteArray());
    }

    static int[] difference(int[] x, int mode) {
        int[] d = x.clone();
        if (mode == 1) {
            for (int k = x.length - 1; k >= 1; k--) d[k] = x[k] - x[k - 1];
        } else if (mode == 2) {
            for (int k = x.length - 1; k >= 2; k--) d[k] = x[k] - 2 * x[k - 1] + x[k - 2];
        }
        return d;
    }

    /** A section: 16-byte header (CRC, id, length, versions, reserved) + body padded to an even length. */
    private static byte[] section(int id, byte[] body) {
        int length = 16 + body.length + (body.length % 2);
        byte[] s = new byte[length];
        s[2] = (byte) id;
        s[3] = (byte) (id >> 8);
        put32(s, 4, length);
        s[8] = VERSION;
        s[9] = VERSION;
        if (id == 0) System.arraycopy("SCPECG".getBytes(StandardCharsets.US_ASCII), 0, s, 10, 6);
        System.arraycopy(body, 0, s, 16, body.length);
        int crc = ScpCrc.compute(s, 2, length - 2);
        s[0] = (byte) crc;
        s[1] = (byte) (crc >> 8);
        return s;
    }

    private static void tagText(ByteArrayOutputStream out, int tag, String text) {
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] v = java.util.Arrays.copyOf(t, t.length + 1);
        tag(out, tag, v);
    }

    private static void tag(ByteArrayOutputStream out, int tag, byte[] value) {
        out.write(tag);
        u16(out, value.length);
        out.writeBytes(value);
    }

    private static void put32(byte[] b, int o, int v) {
        b[o] = (byte) v;
        b[o + 1] = (byte) (v >> 8);
        b[o + 2] = (byte) (v >> 16);
        b[o + 3] = (byte) (v >> 24);
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >> 8);
    }

    private static void u32(ByteArrayOutputStream out, long v) {
        u16(out, (int) v & 0xFFFF);
        u16(out, (int) (v >>> 16) & 0xFFFF);
    }
}
