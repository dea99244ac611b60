package org.telestation.devices.ecg;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;

/**
 * Reads SCP-ECG records (EN 1064 / ISO 11073-91064; standards.md §3.3): record CRC and length, section 0
 * pointers, section 1 patient/acquisition tags, section 3 lead definitions and section 6 rhythm data, every CRC
 * checked.
 *
 * <p><b>Not supported</b> (refused with a message naming the feature): Huffman-encoded data (a section 2 present,
 * including the default table), reference-beat subtraction (sections 4/5 or section 3 flag bit 0), bimodal
 * compression. Section 6 data is therefore 16-bit little-endian values, as is, first or second differences.
 * Sections 7–11 (measurements, statements) are ignored.
 */
public final class ScpEcgReader {
    static final int HEADER = 16;
    static final int MAX_LEADS = 64;

    private final byte[] b;
    private final int recordLength;

    private ScpEcgReader(byte[] b, int recordLength) {
        this.b = b;
        this.recordLength = recordLength;
    }

    public static EcgRecording read(byte[] record) throws EcgFormatException {
        return read(record, ZoneId.systemDefault());
    }

    /** @param localZone zone of the acquisition date/time when section 1 gives no time zone (tag 34) */
    public static EcgRecording read(byte[] record, ZoneId localZone) throws EcgFormatException {
        if (record == null || record.length < 6 + HEADER) throw new EcgFormatException("too short for SCP-ECG");
        long length = u32(record, 2);
        if (length < 6 + HEADER || length > record.length) {
            throw new EcgFormatException("record length " + length + " does not fit the " + record.length + " bytes");
        }
        int crc = ScpCrc.compute(record, 2, (int) length - 2);
        if (crc != u16(record, 0)) throw new EcgFormatException("record CRC mismatch");
        return new ScpEcgReader(record, (int) length).decode(localZone);
    }

    private EcgRecording decode(ZoneId zone) throws EcgFormatException {
        int[] offsets = new int[12];
        int[] lengths = new int[12];
        int s0 = section(6, 0);
        int s0Length = (int) u32(b, s0 + 4);
        for (int p = s0 + HEADER; p + 10 <= s0 + s0Length; p += 10) {
            int id = u16(b, p);
            long len = u32(b, p + 2);
            long index = u32(b, p + 6);
            if (id < 12 && len > 0) {
                if (index < 1 || index - 1 > recordLength) throw new EcgFormatException("bad pointer to section " + id);
                offsets[id] = (int) (index - 1);
                lengths[id] = (int) Math.min(len, Integer.MAX_VALUE);
            }
        }
        if (lengths[2] > 0) throw new EcgFormatException("Huffman-encoded SCP-ECG (section 2) is not supported");
        if (lengths[4] > 0 || lengths[5] > 0) {
            throw new EcgFormatException("reference-beat subtraction (sections 4/5) is not supported");
        }
        if (lengths[3] == 0 || lengths[6] == 0) throw new EcgFormatException("sections 3 and 6 are required");
        Section1 patient = lengths[1] > 0 ? parseSection1(section(offsets[1], 1)) : new Section1();
        int[] leadIds = parseSection3(section(offsets[3], 3));
        return parseSection6(section(offsets[6], 6), leadIds, patient, zone);
    }

    /** Checks a section header (id, length within the record, CRC) and returns its offset. */
    private int section(int offset, int expectedId) throws EcgFormatException {
        if (offset < 6 || offset > recordLength - HEADER) throw new EcgFormatException("section " + expectedId + " out of the record");
        long len = u32(b, offset + 4);
        if (u16(b, offset + 2) != expectedId) throw new EcgFormatException("section " + expectedId + " has a wrong id");
        if (len < HEADER || len > recordLength - offset) {
            throw new EcgFormatException("section " + expectedId + " claims " + len + " bytes");
        }
        if (ScpCrc.compute(b, offset + 2, (int) len - 2) != u16(b, offset)) {
            throw new EcgFormatException("section " + expectedId + " CRC mismatch");
        }
        return offset;
    }

    private static final class Section1 {
        String lastName;
        String firstName;
        String patientId;
        LocalDate birthDate;
        String sex;
        LocalDate date;
        LocalTime time;
        ZoneOffset offset;
        String model;
        String manufacturer;
        String serial;
        Double highPass;
        Double lowPass;
        Double notch;
        String text;
    }

    private Section1 parseSection1(int offset) {
        Section1 s = new Section1();
        int end = offset + (int) u32(b, offset + 4);
        int p = offset + HEADER;
        while (p + 3 <= end) {
            int tag = b[p] & 0xFF;
            int len = u16(b, p + 1);
            p += 3;
            if (tag == 255 || len > end - p) break;
            switch (tag) {
                case 0 -> s.lastName = text(p, len);
                case 1 -> s.firstName = text(p, len);
                case 2 -> s.patientId = text(p, len);
                case 5 -> s.birthDate = len >= 4 ? date(p) : null;
                case 8 -> s.sex = len >= 1 ? switch (b[p]) { case 1 -> "M"; case 2 -> "F"; case 9 -> "O"; default -> "U"; } : null;
                case 14 -> device(s, p, len);
                case 25 -> s.date = len >= 4 ? date(p) : null;
                case 26 -> s.time = len >= 3 ? time(p) : null;
                // Boxed on purpose: a ternary mixing double and null would unbox null and throw.
                case 27 -> s.highPass = len >= 2 ? Double.valueOf(u16(b, p) / 100.0) : null;
                case 28 -> s.lowPass = len >= 2 ? Double.valueOf(u16(b, p)) : null;
                case 29 -> s.notch = len < 1 ? null : (b[p] & 2) != 0 ? Double.valueOf(50) : (b[p] & 1) != 0 ? Double.valueOf(60) : null;
                case 30 -> s.text = text(p, len);
                case 34 -> {
                    int minutes = len >= 2 ? (short) u16(b, p) : 0x7FFF;
                    if (Math.abs(minutes) <= 18 * 60) s.offset = ZoneOffset.ofTotalSeconds(minutes * 60);
                }
                default -> { }
            }
            p += len;
        }
        return s;
    }

    /** Tag 14 (acquiring device): fixed part of 36 bytes, then NUL-terminated strings (standards.md §3.3 [I]). */
    private void device(Section1 s, int p, int len) {
        if (len < 14) return;
        s.model = text(p + 8, 6);
        if (len <= 36) return;
        int q = p + 36;
        int end = p + len;
        String[] strings = new String[5];
        for (int i = 0; i < 5 && q < end; i++) {
            int z = q;
            while (z < end && b[z] != 0) z++;
            strings[i] = new String(b, q, z - q, StandardCharsets.ISO_8859_1).trim();
            q = z + 1;
        }
        s.serial = blankToNull(strings[1]);
        s.manufacturer = blankToNull(strings[4]);
    }

    private int[] parseSection3(int offset) throws EcgFormatException {
        int len = (int) u32(b, offset + 4);
        if (len < HEADER + 2) throw new EcgFormatException("section 3 too short");
        int count = b[offset + HEADER] & 0xFF;
        int flags = b[offset + HEADER + 1] & 0xFF;
        if ((flags & 1) != 0) throw new EcgFormatException("reference-beat subtraction is not supported");
        if (count == 0 || count > MAX_LEADS) throw new EcgFormatException("bad lead count " + count);
        if (HEADER + 2 + 9 * count > len) throw new EcgFormatException("section 3 lead table truncated");
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) ids[i] = b[offset + HEADER + 2 + 9 * i + 8] & 0xFF;
        return ids;
    }

    private EcgRecording parseSection6(int offset, int[] leadIds, Section1 patient, ZoneId zone) throws EcgFormatException {
        int len = (int) u32(b, offset + 4);
        int p = offset + HEADER;
        int headerEnd = p + 6 + 2 * leadIds.length;
        if (headerEnd > offset + len) throw new EcgFormatException("section 6 header truncated");
        int nanovolts = u16(b, p);
        int micros = u16(b, p + 2);
        int difference = b[p + 4] & 0xFF;
        int bimodal = b[p + 5] & 0xFF;
        if (nanovolts == 0 || micros == 0) throw new EcgFormatException("section 6: zero amplitude multiplier or interval");
        if (bimodal != 0) throw new EcgFormatException("bimodal compression is not supported");
        if (difference > 2) throw new EcgFormatException("unknown difference encoding " + difference);
        int q = headerEnd;
        List<EcgChannel> channels = new ArrayList<>(leadIds.length);
        for (int i = 0; i < leadIds.length; i++) {
            int bytes = u16(b, p + 6 + 2 * i);
            if (bytes > offset + len - q) throw new EcgFormatException("section 6 lead " + (i + 1) + " data truncated");
            int[] x = new int[bytes / 2];
            for (int k = 0; k < x.length; k++) x[k] = (short) u16(b, q + 2 * k);
            undifference(x, difference);
            q += bytes;
            EcgLead lead = EcgLead.fromScpId(leadIds[i]);
            channels.add(new EcgChannel(lead, lead != null ? lead.label() : "SCP lead " + leadIds[i], x,
                    nanovolts / 1000.0, 0));
        }
        Instant time = null;
        if (patient.date != null) {
            LocalDateTime ldt = LocalDateTime.of(patient.date, patient.time != null ? patient.time : LocalTime.MIDNIGHT);
            time = patient.offset != null ? ldt.atOffset(patient.offset).toInstant() : ldt.atZone(zone).toInstant();
        }
        String name = patient.lastName == null ? null
                : patient.firstName == null ? patient.lastName : patient.lastName + "^" + patient.firstName;
        EcgMetadata meta = new EcgMetadata(patient.patientId, name, patient.birthDate, patient.sex, patient.lowPass,
                patient.highPass, patient.notch, patient.text);
        DeviceIdentity device = new DeviceIdentity(DeviceKind.ECG_12_LEAD, patient.manufacturer, patient.model,
                patient.serial, "scp-ecg-file");
        return new EcgRecording(channels, 1e6 / micros, time, device, meta);
    }

    static void undifference(int[] x, int mode) {
        if (mode == 1) {
            for (int k = 1; k < x.length; k++) x[k] += x[k - 1];
        } else if (mode == 2) {
            for (int k = 2; k < x.length; k++) x[k] += 2 * x[k - 1] - x[k - 2];
        }
    }

    private String text(int p, int len) {
        int end = p;
        while (end < p + len && b[end] != 0) end++;
        return blankToNull(new String(b, p, end - p, StandardCharsets.ISO_8859_1).trim());
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private LocalDate date(int p) {
        try {
            return LocalDate.of(u16(b, p), b[p + 2] & 0xFF, b[p + 3] & 0xFF);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private LocalTime time(int p) {
        try {
            return LocalTime.of(b[p] & 0xFF, b[p + 1] & 0xFF, b[p + 2] & 0xFF);
        } catch (DateTimeException e) {
            return null;
        }
    }

    static int u16(byte[] b, int o) {
        return b[o] & 0xFF | (b[o + 1] & 0xFF) << 8;
    }

    static long u32(byte[] b, int o) {
        return (b[o] & 0xFFL) | (b[o + 1] & 0xFFL) << 8 | (b[o + 2] & 0xFFL) << 16 | (b[o + 3] & 0xFFL) << 24;
    }
}
