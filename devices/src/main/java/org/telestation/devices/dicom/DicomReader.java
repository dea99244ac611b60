package org.telestation.devices.dicom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small DICOM Part-10 reader (PS3.10 §7, PS3.5 §7): optional 128-byte preamble and "DICM", the file meta group
 * (always explicit VR little endian), then the dataset in explicit or implicit VR little endian, with sequences and
 * items of defined or undefined length and encapsulated pixel data.
 *
 * <p>Every length is checked against the bytes that remain before anything is read; values are slices of the input,
 * so a lying length field can never make it allocate. Nesting is limited to {@value #MAX_DEPTH} levels.
 * Big-endian and deflated transfer syntaxes are refused with a clear message.
 */
public final class DicomReader {
    static final int MAX_DEPTH = 16;
    private static final long UNDEFINED = 0xFFFFFFFFL;

    /** VRs for implicit-VR streams: only the tags this package reads, plus every sequence it walks. */
    private static final Map<Integer, String> IMPLICIT_VR = Map.ofEntries(
            Map.entry(Tag.SPECIFIC_CHARACTER_SET, "CS"), Map.entry(Tag.SOP_CLASS_UID, "UI"),
            Map.entry(Tag.SOP_INSTANCE_UID, "UI"), Map.entry(Tag.STUDY_DATE, "DA"), Map.entry(Tag.STUDY_TIME, "TM"),
            Map.entry(Tag.CONTENT_DATE, "DA"), Map.entry(Tag.CONTENT_TIME, "TM"),
            Map.entry(Tag.ACQUISITION_DATE_TIME, "DT"), Map.entry(Tag.MODALITY, "CS"),
            Map.entry(Tag.MANUFACTURER, "LO"), Map.entry(Tag.MANUFACTURER_MODEL_NAME, "LO"),
            Map.entry(Tag.CODE_VALUE, "SH"), Map.entry(Tag.CODING_SCHEME_DESIGNATOR, "SH"),
            Map.entry(Tag.CODE_MEANING, "LO"), Map.entry(Tag.PATIENT_NAME, "PN"), Map.entry(Tag.PATIENT_ID, "LO"),
            Map.entry(Tag.PATIENT_BIRTH_DATE, "DA"), Map.entry(Tag.PATIENT_SEX, "CS"),
            Map.entry(Tag.DEVICE_SERIAL_NUMBER, "LO"), Map.entry(Tag.LATERALITY, "CS"),
            Map.entry(Tag.IMAGE_LATERALITY, "CS"), Map.entry(Tag.SAMPLES_PER_PIXEL, "US"),
            Map.entry(Tag.PHOTOMETRIC_INTERPRETATION, "CS"), Map.entry(Tag.PLANAR_CONFIGURATION, "US"),
            Map.entry(Tag.NUMBER_OF_FRAMES, "IS"), Map.entry(Tag.ROWS, "US"), Map.entry(Tag.COLUMNS, "US"),
            Map.entry(Tag.BITS_ALLOCATED, "US"), Map.entry(Tag.BITS_STORED, "US"),
            Map.entry(Tag.PIXEL_REPRESENTATION, "US"), Map.entry(Tag.NUMBER_OF_WAVEFORM_CHANNELS, "US"),
            Map.entry(Tag.NUMBER_OF_WAVEFORM_SAMPLES, "UL"), Map.entry(Tag.SAMPLING_FREQUENCY, "DS"),
            Map.entry(Tag.MULTIPLEX_GROUP_LABEL, "SH"), Map.entry(Tag.CHANNEL_DEFINITION_SEQUENCE, "SQ"),
            Map.entry(Tag.WAVEFORM_CHANNEL_NUMBER, "IS"), Map.entry(Tag.CHANNEL_LABEL, "SH"),
            Map.entry(Tag.CHANNEL_SOURCE_SEQUENCE, "SQ"), Map.entry(Tag.CHANNEL_SENSITIVITY, "DS"),
            Map.entry(Tag.CHANNEL_SENSITIVITY_UNITS_SEQUENCE, "SQ"),
            Map.entry(Tag.CHANNEL_SENSITIVITY_CORRECTION_FACTOR, "DS"), Map.entry(Tag.CHANNEL_BASELINE, "DS"),
            Map.entry(Tag.CHANNEL_TIME_SKEW, "DS"), Map.entry(Tag.WAVEFORM_BITS_STORED, "US"),
            Map.entry(Tag.FILTER_LOW_FREQUENCY, "DS"), Map.entry(Tag.FILTER_HIGH_FREQUENCY, "DS"),
            Map.entry(Tag.NOTCH_FILTER_FREQUENCY, "DS"), Map.entry(Tag.WAVEFORM_SEQUENCE, "SQ"),
            Map.entry(Tag.WAVEFORM_BITS_ALLOCATED, "US"), Map.entry(Tag.WAVEFORM_SAMPLE_INTERPRETATION, "CS"),
            Map.entry(Tag.WAVEFORM_DATA, "OW"), Map.entry(Tag.PIXEL_DATA, "OW"));

    /** A parsed file: the meta group (empty when the stream had none) and the dataset. */
    public record DicomFile(DicomDataset meta, DicomDataset dataset, String transferSyntax) {}

    private final byte[] b;
    private int pos;

    private DicomReader(byte[] bytes) {
        this.b = bytes;
    }

    /** Parses a Part-10 file, or a bare dataset (no preamble) in explicit or implicit VR little endian. */
    public static DicomFile read(byte[] bytes) throws DicomFormatException {
        if (bytes == null) throw new DicomFormatException("no data");
        return new DicomReader(bytes).readFile();
    }

    private DicomFile readFile() throws DicomFormatException {
        if (b.length >= 132 && b[128] == 'D' && b[129] == 'I' && b[130] == 'C' && b[131] == 'M') pos = 132;
        DicomDataset meta = new DicomDataset(null);
        while (pos + 8 <= b.length && u16(b, pos) == 0x0002) {
            meta.put(readElement(meta, b.length, true, 0));
        }
        String ts = meta.getString(Tag.TRANSFER_SYNTAX_UID);
        boolean explicit;
        if (ts == null) {
            explicit = looksExplicit();
            ts = explicit ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        } else if (ts.equals(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN)) {
            throw new DicomFormatException("explicit VR big endian is not supported (retired in DICOM)");
        } else if (ts.equals(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN)) {
            throw new DicomFormatException("deflated transfer syntax is not supported");
        } else {
            explicit = !ts.equals(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        }
        DicomDataset dataset = new DicomDataset(null);
        while (pos < b.length) {
            dataset.put(readElement(dataset, b.length, explicit, 0));
        }
        if (dataset.elements().isEmpty()) throw new DicomFormatException("no dataset");
        return new DicomFile(meta, dataset, ts);
    }

    /** Explicit VR puts two upper-case letters where implicit VR puts the low half of a length. */
    private boolean looksExplicit() {
        return pos + 6 <= b.length && isUpper(b[pos + 4]) && isUpper(b[pos + 5]);
    }

    private static boolean isUpper(byte c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean hasLongLength(String vr) {
        switch (vr) {
            case "OB": case "OD": case "OF": case "OL": case "OV": case "OW": case "SQ":
            case "UC": case "UR": case "UT": case "UN": case "SV": case "UV":
                return true;
            default:
                return false;
        }
    }

    private DicomElement readElement(DicomDataset owner, int end, boolean explicit, int depth)
            throws DicomFormatException {
        need(8, end);
        int tag = u16(b, pos) << 16 | u16(b, pos + 2);
        String vr;
        long length;
        if (explicit && (tag >>> 16) != 0xFFFE) {
            if (!isUpper(b[pos + 4]) || !isUpper(b[pos + 5])) {
                throw new DicomFormatException("bad VR at offset " + pos);
            }
            vr = new String(b, pos + 4, 2, StandardCharsets.US_ASCII);
            if (hasLongLength(vr)) {
                need(12, end);
                length = u32(b, pos + 8);
                pos += 12;
            } else {
                length = u16(b, pos + 6);
                pos += 8;
            }
        } else {
            vr = IMPLICIT_VR.getOrDefault(tag, "UN");
            length = u32(b, pos + 4);
            pos += 8;
        }
        if (tag == Tag.ITEM || tag == Tag.ITEM_DELIMITATION || tag == Tag.SEQUENCE_DELIMITATION) {
            throw new DicomFormatException("unexpected delimiter " + Tag.format(tag) + " at offset " + (pos - 8));
        }
        if (length == UNDEFINED) {
            if (tag == Tag.PIXEL_DATA) {
                return new DicomElement(tag, vr, b, pos, 0, null, readFragments(end));
            }
            if (vr.equals("SQ") || vr.equals("UN")) {
                // PS3.5 §6.2.2: an undefined-length UN element is a sequence in implicit VR little endian.
                boolean itemsExplicit = explicit && vr.equals("SQ");
                return new DicomElement(tag, "SQ", b, pos, 0, readItems(owner, end, itemsExplicit, depth, true), null);
            }
            throw new DicomFormatException("undefined length on " + vr + " element " + Tag.format(tag));
        }
        if (length > end - pos) {
            throw new DicomFormatException("element " + Tag.format(tag) + " claims " + length + " bytes, "
                    + (end - pos) + " remain");
        }
        int valueEnd = pos + (int) length;
        if (vr.equals("SQ")) {
            List<DicomDataset> items = readItems(owner, valueEnd, explicit, depth, false);
            pos = valueEnd;
            return new DicomElement(tag, vr, b, valueEnd, 0, items, null);
        }
        DicomElement element = new DicomElement(tag, vr, b, pos, (int) length, null, null);
        pos = valueEnd;
        return element;
    }

    private List<DicomDataset> readItems(DicomDataset owner, int end, boolean explicit, int depth,
                                         boolean undefinedSequence) throws DicomFormatException {
        if (depth >= MAX_DEPTH) throw new DicomFormatException("sequences nested deeper than " + MAX_DEPTH);
        List<DicomDataset> items = new ArrayList<>();
        while (true) {
            if (!undefinedSequence && pos >= end) return items;
            need(8, end);
            int tag = u16(b, pos) << 16 | u16(b, pos + 2);
            long length = u32(b, pos + 4);
            pos += 8;
            if (tag == Tag.SEQUENCE_DELIMITATION && undefinedSequence) return items;
            if (tag != Tag.ITEM) throw new DicomFormatException("expected an item, found " + Tag.format(tag));
            DicomDataset item = new DicomDataset(owner);
            if (length == UNDEFINED) {
                while (true) {
                    need(8, end);
                    if ((u16(b, pos) << 16 | u16(b, pos + 2)) == Tag.ITEM_DELIMITATION) {
                        pos += 8;
                        break;
                    }
                    item.put(readElement(item, end, explicit, depth + 1));
                }
            } else {
                if (length > end - pos) throw new DicomFormatException("item claims " + length + " bytes");
                int itemEnd = pos + (int) length;
                while (pos < itemEnd) item.put(readElement(item, itemEnd, explicit, depth + 1));
            }
            items.add(item);
        }
    }

    private List<DicomElement.Fragment> readFragments(int end) throws DicomFormatException {
        List<DicomElement.Fragment> fragments = new ArrayList<>();
        while (true) {
            need(8, end);
            int tag = u16(b, pos) << 16 | u16(b, pos + 2);
            long length = u32(b, pos + 4);
            pos += 8;
            if (tag == Tag.SEQUENCE_DELIMITATION) return fragments;
            if (tag != Tag.ITEM || length > end - pos) {
                throw new DicomFormatException("bad pixel data fragment at offset " + (pos - 8));
            }
            fragments.add(new DicomElement.Fragment(pos, (int) length));
            pos += (int) length;
        }
    }

    private void need(int count, int end) throws DicomFormatException {
        if (end - pos < count) throw new DicomFormatException("truncated at offset " + pos);
    }

    static int u16(byte[] b, int o) {
        return b[o] & 0xFF | (b[o + 1] & 0xFF) << 8;
    }

    static long u32(byte[] b, int o) {
        return (b[o] & 0xFFL) | (b[o + 1] & 0xFFL) << 8 | (b[o + 2] & 0xFFL) << 16 | (b[o + 3] & 0xFFL) << 24;
    }
}
