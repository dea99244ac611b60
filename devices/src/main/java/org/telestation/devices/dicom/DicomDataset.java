package org.telestation.devices.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed dataset (or sequence item). Accessors never throw on bad values: they return null (or an empty list)
 * when an element is missing, too short or not a number, so callers decide what is mandatory.
 */
public final class DicomDataset {
    private final Map<Integer, DicomElement> elements = new LinkedHashMap<>();
    private final DicomDataset parent;

    DicomDataset(DicomDataset parent) {
        this.parent = parent;
    }

    void put(DicomElement element) {
        elements.put(element.tag(), element);
    }

    public DicomElement get(int tag) {
        return elements.get(tag);
    }

    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    public Map<Integer, DicomElement> elements() {
        return Collections.unmodifiableMap(elements);
    }

    /** Character set from (0008,0005), inherited by sequence items; ISO 8859-1 covers French text. */
    Charset charset() {
        DicomElement cs = elements.get(Tag.SPECIFIC_CHARACTER_SET);
        if (cs != null) {
            String value = new String(cs.source(), cs.offset(), cs.length(), StandardCharsets.US_ASCII);
            return value.contains("ISO_IR 192") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        }
        return parent != null ? parent.charset() : StandardCharsets.ISO_8859_1;
    }

    /** The whole string value without DICOM padding, or null. Multiple values stay separated by '\'. */
    public String getString(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null || e.isSequence() || e.isEncapsulated()) return null;
        String s = new String(e.source(), e.offset(), e.length(), charset());
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) end--;
        int start = 0;
        while (start < end && s.charAt(start) == ' ') start++;
        return s.substring(start, end);
    }

    /** One value of a multi-valued string, or null. */
    public String getString(int tag, int index) {
        String all = getString(tag);
        if (all == null) return null;
        String[] parts = all.split("\\\\", -1);
        return index < parts.length ? parts[index].trim() : null;
    }

    /** An integer from a binary (US, SS, UL, SL) or string (IS, DS) element; null when absent or malformed. */
    public Long getLong(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null || e.isSequence() || e.isEncapsulated()) return null;
        byte[] b = e.source();
        int o = e.offset();
        switch (e.vr()) {
            case "US":
                return e.length() >= 2 ? (long) (b[o] & 0xFF | (b[o + 1] & 0xFF) << 8) : null;
            case "SS":
                return e.length() >= 2 ? (long) (short) (b[o] & 0xFF | (b[o + 1] & 0xFF) << 8) : null;
            case "UL":
                return e.length() >= 4 ? DicomReader.u32(b, o) : null;
            case "SL":
                return e.length() >= 4 ? (long) (int) DicomReader.u32(b, o) : null;
            default:
                Double d = getDouble(tag);
                return d == null || d != Math.rint(d) ? null : d.longValue();
        }
    }

    public Integer getInt(int tag) {
        Long v = getLong(tag);
        return v == null || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : v.intValue();
    }

    /** A number from a DS/IS string (first value) or an FD/FL element; null when absent or malformed. */
    public Double getDouble(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null || e.isSequence() || e.isEncapsulated()) return null;
        if (e.vr().equals("FD") && e.length() >= 8) {
            return Double.longBitsToDouble(DicomReader.u32(e.source(), e.offset())
                    | DicomReader.u32(e.source(), e.offset() + 4) << 32);
        }
        if (e.vr().equals("FL") && e.length() >= 4) {
            return (double) Float.intBitsToFloat((int) DicomReader.u32(e.source(), e.offset()));
        }
        if (e.vr().equals("US") || e.vr().equals("UL") || e.vr().equals("SS") || e.vr().equals("SL")) {
            Long v = getLong(tag);
            return v == null ? null : v.doubleValue();
        }
        String s = getString(tag, 0);
        if (s == null || s.isEmpty() || s.length() > 32) return null;
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    /** The items of a sequence; empty when absent or not a sequence. */
    public List<DicomDataset> getSequence(int tag) {
        DicomElement e = elements.get(tag);
        return e == null || !e.isSequence() ? List.of() : e.items();
    }

    /** The first item of a sequence, or null. */
    public DicomDataset getItem(int tag) {
        List<DicomDataset> items = getSequence(tag);
        return items.isEmpty() ? null : items.get(0);
    }
}
