package org.telestation.devices.retinograph;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Checks a PNG file chunk by chunk (PNG specification, 2nd edition, §5): signature, IHDR first, every chunk's length
 * against the bytes present and its CRC, at least one IDAT, and IEND. A file that ends before IEND is incomplete.
 * A {@code tEXt} chunk with keyword "Laterality" (or "ImageLaterality") gives the laterality.
 */
public final class PngDecoder implements ImageDecoder {
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    @Override
    public String mediaType() {
        return "image/png";
    }

    @Override
    public boolean recognises(byte[] d) {
        if (d.length < SIGNATURE.length) return false;
        for (int i = 0; i < SIGNATURE.length; i++) if (d[i] != SIGNATURE[i]) return false;
        return true;
    }

    @Override
    public DecodedImage decode(byte[] d) throws ImageDecodeException {
        if (!recognises(d)) throw ImageDecodeException.corrupt("no PNG signature");
        int pos = SIGNATURE.length;
        long width = 0, height = 0;
        boolean idat = false;
        String laterality = null;
        CRC32 crc = new CRC32();
        while (true) {
            if (pos + 8 > d.length) throw ImageDecodeException.truncated("PNG ends before IEND");
            long length = u32(d, pos);
            if (length > 0x7FFFFFFFL) throw ImageDecodeException.corrupt("PNG chunk length " + length);
            if (pos + 12 + length > d.length) throw ImageDecodeException.truncated("PNG ends inside a chunk");
            String type = new String(d, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (!type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                throw ImageDecodeException.corrupt("PNG chunk type is not four letters");
            }
            int data = pos + 8, len = (int) length;
            crc.reset();
            crc.update(d, pos + 4, 4 + len);
            if (crc.getValue() != u32(d, data + len)) throw ImageDecodeException.corrupt("PNG CRC mismatch in " + type);
            boolean first = pos == SIGNATURE.length;
            if (first != type.equals("IHDR")) throw ImageDecodeException.corrupt("PNG must start with IHDR");
            switch (type) {
                case "IHDR" -> {
                    if (len != 13) throw ImageDecodeException.corrupt("PNG IHDR length " + len);
                    width = u32(d, data);
                    height = u32(d, data + 4);
                    ImageDecoders.checkSize(width, height);
                    int depth = d[data + 8], colour = d[data + 9];
                    if (depth != 1 && depth != 2 && depth != 4 && depth != 8 && depth != 16) {
                        throw ImageDecodeException.corrupt("PNG bit depth " + depth);
                    }
                    if (colour != 0 && colour != 2 && colour != 3 && colour != 4 && colour != 6) {
                        throw ImageDecodeException.corrupt("PNG colour type " + colour);
                    }
                }
                case "IDAT" -> idat = true;
                case "tEXt" -> {
                    if (laterality == null) {
                        String text = new String(d, data, len, StandardCharsets.ISO_8859_1).replace('\0', '=');
                        laterality = MetadataLaterality.fromKeyValueText(text);
                    }
                }
                case "IEND" -> {
                    if (!idat) throw ImageDecodeException.corrupt("PNG has no image data");
                    return new DecodedImage(mediaType(), (int) width, (int) height, laterality);
                }
                default -> { }
            }
            pos = data + len + 4;
        }
    }

    static long u32(byte[] d, int off) {
        return (d[off] & 0xFFL) << 24 | (d[off + 1] & 0xFFL) << 16 | (d[off + 2] & 0xFFL) << 8 | (d[off + 3] & 0xFFL);
    }
}
