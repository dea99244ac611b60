package org.telestation.devices.dicom;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Builds a dataset and writes it as a DICOM Part-10 file in explicit VR little endian with defined lengths
 * (PS3.10 §7.1, PS3.5 §7.1.2). Elements are written in ascending tag order whatever order they were put in.
 */
public final class DicomOutput {
    /** Our implementation class UID (PS3.7 D.3.3.2): a UUID-derived UID, stable for this software. */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.111493297004352871092563213432187469001";
    public static final String IMPLEMENTATION_VERSION = "TELESTATION_01";

    private record Value(String vr, byte[] bytes, List<DicomOutput> items) {}

    private final Map<Integer, Value> values = new TreeMap<>(Integer::compareUnsigned);

    /** A new UID under the 2.25 (UUID) root of PS3.5 Annex B.2. */
    public static String newUid() {
        UUID u = UUID.randomUUID();
        BigInteger value = new BigInteger(1, java.nio.ByteBuffer.allocate(16)
                .putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array());
        return "2.25." + value;
    }

    /** A string element; null values are skipped. Padding to even length follows PS3.5 §6.2 (NUL for UI). */
    public DicomOutput string(int tag, String vr, String value) {
        if (value == null) return this;
        byte[] raw = value.getBytes(vr.equals("UI") || vr.equals("CS") || vr.equals("DA") || vr.equals("TM")
                || vr.equals("DT") || vr.equals("DS") || vr.equals("IS") ? StandardCharsets.US_ASCII
                : StandardCharsets.UTF_8);
        if (raw.length % 2 == 1) {
            byte[] padded = new byte[raw.length + 1];
            System.arraycopy(raw, 0, padded, 0, raw.length);
            padded[raw.length] = (byte) (vr.equals("UI") ? 0 : ' ');
            raw = padded;
        }
        values.put(tag, new Value(vr, raw, null));
        return this;
    }

    /** A decimal string of one number, in the shortest form that fits the 16 characters of DS. */
    public DicomOutput decimal(int tag, double value) {
        String s = value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
        if (s.length() > 16) s = String.format(java.util.Locale.ROOT, "%.10G", value).trim();
        return string(tag, "DS", s);
    }

    public DicomOutput us(int tag, int value) {
        return binary(tag, "US", new byte[] {(byte) value, (byte) (value >> 8)});
    }

    public DicomOutput ul(int tag, long value) {
        return binary(tag, "UL", new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16),
                (byte) (value >> 24)});
    }

    /** Binary value (OB, OW, US…); odd lengths get one zero pad byte. */
    public DicomOutput binary(int tag, String vr, byte[] value) {
        byte[] v = value;
        if (v.length % 2 == 1) {
            v = java.util.Arrays.copyOf(value, value.length + 1);
        }
        values.put(tag, new Value(vr, v, null));
        return this;
    }

    public DicomOutput sequence(int tag, List<DicomOutput> items) {
        values.put(tag, new Value("SQ", null, List.copyOf(items)));
        return this;
    }

    /** A one-item code sequence (PS3.3 Table 8.8-1): value, scheme, meaning. */
    public DicomOutput code(int tag, String value, String scheme, String version, String meaning) {
        DicomOutput item = new DicomOutput().string(Tag.CODE_VALUE, "SH", value)
                .string(Tag.CODING_SCHEME_DESIGNATOR, "SH", scheme)
                .string(Tag.CODING_SCHEME_VERSION, "SH", version)
                .string(Tag.CODE_MEANING, "LO", meaning);
        return sequence(tag, List.of(item));
    }

    /** The dataset alone, explicit VR little endian. */
    public byte[] toDataset() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTo(out);
        return out.toByteArray();
    }

    private void writeTo(ByteArrayOutputStream out) {
        for (Map.Entry<Integer, Value> e : values.entrySet()) {
            int tag = e.getKey();
            Value v = e.getValue();
            byte[] bytes = v.items != null ? items(v.items) : v.bytes;
            u16(out, tag >>> 16);
            u16(out, tag & 0xFFFF);
            out.write(v.vr.charAt(0));
            out.write(v.vr.charAt(1));
            if (v.vr.equals("OB") || v.vr.equals("OW") || v.vr.equals("SQ") || v.vr.equals("UN")
                    || v.vr.equals("UT") || v.vr.equals("UC") || v.vr.equals("UR")) {
                u16(out, 0);
                u32(out, bytes.length);
            } else {
                if (bytes.length > 0xFFFF) throw new IllegalArgumentException("value too long for " + v.vr);
                u16(out, bytes.length);
            }
            out.writeBytes(bytes);
        }
    }

    private static byte[] items(List<DicomOutput> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (DicomOutput item : items) {
            byte[] body = item.toDataset();
            u16(out, 0xFFFE);
            u16(out, 0xE000);
            u32(out, body.length);
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** A Part-10 file: 128-byte preamble, "DICM", file meta group, then this dataset (explicit VR LE). */
    public byte[] toPart10(String sopClassUid, String sopInstanceUid) {
        DicomOutput meta = new DicomOutput()
                .binary(Tag.FILE_META_VERSION, "OB", new byte[] {0, 1})
                .string(Tag.MEDIA_STORAGE_SOP_CLASS_UID, "UI", sopClassUid)
                .string(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID, "UI", sopInstanceUid)
                .string(Tag.TRANSFER_SYNTAX_UID, "UI", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .string(Tag.IMPLEMENTATION_CLASS_UID, "UI", IMPLEMENTATION_CLASS_UID)
                .string(Tag.IMPLEMENTATION_VERSION_NAME, "SH", IMPLEMENTATION_VERSION);
        byte[] metaBody = meta.toDataset();
        byte[] dataset = toDataset();
        ByteArrayOutputStream out = new ByteArrayOutputStream(140 + metaBody.length + dataset.length);
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new DicomOutput().ul(Tag.FILE_META_GROUP_LENGTH, metaBody.length).toDataset());
        out.writeBytes(metaBody);
        out.writeBytes(dataset);
        return out.toByteArray();
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
    }

    private static void u32(ByteArrayOutputStream out, long v) {
        u16(out, (int) (v & 0xFFFF));
        u16(out, (int) (v >>> 16 & 0xFFFF));
    }
}
