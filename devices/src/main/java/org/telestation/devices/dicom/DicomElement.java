package org.telestation.devices.dicom;

import java.util.List;

/**
 * One element of a parsed dataset. The value is not copied: it is a slice of the bytes the reader was given.
 *
 * @param tag       group << 16 | element
 * @param vr        the value representation: from the stream (explicit VR) or from the small dictionary in
 *                  {@link DicomReader} (implicit VR); "UN" when unknown
 * @param source    the whole input
 * @param offset    where the value starts in {@code source}
 * @param length    value length in bytes (0 for sequences and encapsulated data)
 * @param items     the items of a sequence, else null
 * @param fragments encapsulated pixel data fragments (the first is the basic offset table), else null
 */
public record DicomElement(int tag, String vr, byte[] source, int offset, int length, List<DicomDataset> items,
                           List<Fragment> fragments) {

    /** One fragment of encapsulated pixel data, as a slice of the input. */
    public record Fragment(int offset, int length) {}

    public boolean isSequence() {
        return items != null;
    }

    public boolean isEncapsulated() {
        return fragments != null;
    }

    public byte[] bytes() {
        byte[] out = new byte[length];
        System.arraycopy(source, offset, out, 0, length);
        return out;
    }
}
