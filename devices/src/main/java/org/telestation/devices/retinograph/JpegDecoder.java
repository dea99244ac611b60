package org.telestation.devices.retinograph;

import java.nio.charset.StandardCharsets;

/**
 * Checks a JPEG (JFIF/Exif) file by walking its markers (ITU-T T.81 Annex B) without decoding pixels: SOI, segments
 * with bounds-checked lengths, the frame header (SOFn) for the size, entropy-coded data after SOS up to the next
 * marker, and EOI. A file that ends before EOI is reported as incomplete. A comment (COM) of the form
 * "Laterality: R" gives the laterality.
 */
public final class JpegDecoder implements ImageDecoder {
    private static final int SOI = 0xD8, EOI = 0xD9, SOS = 0xDA, COM = 0xFE;

    @Override
    public String mediaType() {
        return "image/jpeg";
    }

    @Override
    public boolean recognises(byte[] d) {
        return d.length >= 3 && (d[0] & 0xFF) == 0xFF && (d[1] & 0xFF) == SOI && (d[2] & 0xFF) == 0xFF;
    }

    @Override
    public DecodedImage decode(byte[] d) throws ImageDecodeException {
        if (!recognises(d)) throw ImageDecodeException.corrupt("no JPEG start-of-image marker");
        int pos = 2, width = 0, height = 0;
        String laterality = null;
        while (true) {
            if (pos >= d.length) throw ImageDecodeException.truncated("JPEG ends before its end-of-image marker");
            if ((d[pos] & 0xFF) != 0xFF) throw ImageDecodeException.corrupt("JPEG marker expected at offset " + pos);
            while (pos < d.length && (d[pos] & 0xFF) == 0xFF) pos++; // fill bytes
            if (pos >= d.length) throw ImageDecodeException.truncated("JPEG ends inside a marker");
            int marker = d[pos++] & 0xFF;
            if (marker == EOI) {
                if (width == 0) throw ImageDecodeException.corrupt("JPEG has no frame header");
                return new DecodedImage(mediaType(), width, height, laterality);
            }
            if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) continue; // RSTn, TEM: no length
            if (marker == 0x00 || marker == SOI) throw ImageDecodeException.corrupt("JPEG marker 0x" + Integer.toHexString(marker) + " out of place");
            if (pos + 2 > d.length) throw ImageDecodeException.truncated("JPEG ends inside a segment length");
            int len = (d[pos] & 0xFF) << 8 | (d[pos + 1] & 0xFF);
            if (len < 2) throw ImageDecodeException.corrupt("JPEG segment length " + len);
            if (pos + len > d.length) throw ImageDecodeException.truncated("JPEG ends inside a segment");
            if (isFrameHeader(marker)) {
                if (len < 8) throw ImageDecodeException.corrupt("JPEG frame header too short");
                height = (d[pos + 3] & 0xFF) << 8 | (d[pos + 4] & 0xFF);
                width = (d[pos + 5] & 0xFF) << 8 | (d[pos + 6] & 0xFF);
                int components = d[pos + 7] & 0xFF;
                if (components == 0 || len < 8 + 3 * components) throw ImageDecodeException.corrupt("JPEG frame header components");
                if (height == 0) throw ImageDecodeException.corrupt("JPEG height given by DNL: not supported");
                ImageDecoders.checkSize(width, height);
            } else if (marker == COM && laterality == null) {
                laterality = MetadataLaterality.fromKeyValueText(new String(d, pos + 2, len - 2, StandardCharsets.ISO_8859_1));
            }
            pos += len;
            if (marker == SOS) {
                if (width == 0) throw ImageDecodeException.corrupt("JPEG scan before frame header");
                pos = skipEntropyCodedData(d, pos);
            }
        }
    }

    /** Returns the offset of the next real marker after a scan: FF followed by neither 00 (stuffing) nor RSTn. */
    private static int skipEntropyCodedData(byte[] d, int pos) throws ImageDecodeException {
        for (; pos + 1 < d.length; pos++) {
            if ((d[pos] & 0xFF) != 0xFF) continue;
            int next = d[pos + 1] & 0xFF;
            if (next != 0x00 && next != 0xFF && (next < 0xD0 || next > 0xD7)) return pos;
        }
        throw ImageDecodeException.truncated("JPEG ends inside its scan data");
    }

    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }
}
