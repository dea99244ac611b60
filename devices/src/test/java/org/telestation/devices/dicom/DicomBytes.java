package org.telestation.devices.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Byte-level building blocks for DICOM test vectors (little endian, PS3.5 §7.1). */
final class DicomBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static DicomBytes of() {
        return new DicomBytes();
    }

    DicomBytes raw(int... bytes) {
        for (int b : bytes) out.write(b);
        return this;
    }

    DicomBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    DicomBytes tag(int tag) {
        return u16(tag >>> 16).u16(tag & 0xFFFF);
    }

    DicomBytes u16(int v) {
        return raw(v & 0xFF, v >>> 8 & 0xFF);
    }

    DicomBytes u32(long v) {
        return u16((int) (v & 0xFFFF)).u16((int) (v >>> 16 & 0xFFFF));
    }

    /** Explicit VR element with a short (16-bit) length. */
    DicomBytes explicit(int tag, String vr, byte[] value) {
        tag(tag).raw(vr.getBytes(StandardCharsets.US_ASCII));
        boolean longLength = vr.equals("OB") || vr.equals("OW") || vr.equals("SQ") || vr.equals("UN") || vr.equals("UT");
        if (longLength) u16(0).u32(value.length);
        else u16(value.length);
        return raw(value);
    }

    DicomBytes explicit(int tag, String vr, String value) {
        return explicit(tag, vr, value.getBytes(StandardCharsets.ISO_8859_1));
    }

    DicomBytes implicit(int tag, byte[] value) {
        return tag(tag).u32(value.length).raw(value);
    }

    DicomBytes part10Header(String transferSyntax) {
        raw(new byte[128]).raw("DICM".getBytes(StandardCharsets.US_ASCII));
        byte[] ts = pad(transferSyntax);
        byte[] meta = of().explicit(Tag.TRANSFER_SYNTAX_UID, "UI", ts).bytes();
        return explicit(Tag.FILE_META_GROUP_LENGTH, "UL", new byte[] {(byte) meta.length, 0, 0, 0}).raw(meta);
    }

    static byte[] pad(String uid) {
        byte[] b = uid.getBytes(StandardCharsets.US_ASCII);
        return b.length % 2 == 0 ? b : java.util.Arrays.copyOf(b, b.length + 1);
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
