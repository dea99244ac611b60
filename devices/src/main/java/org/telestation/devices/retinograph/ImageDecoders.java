package org.telestation.devices.retinograph;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The decoders the importer tries, in registration order. */
public final class ImageDecoders {
    /** Refuse images above this many pixels: a lying header must not make a later viewer allocate gigabytes. */
    public static final long MAX_PIXELS = 200_000_000L;

    private final List<ImageDecoder> decoders = new CopyOnWriteArrayList<>();

    /** JPEG and PNG; DICOM is registered by whoever has a DICOM decoder. */
    public static ImageDecoders standard() {
        ImageDecoders d = new ImageDecoders();
        d.register(new JpegDecoder());
        d.register(new PngDecoder());
        return d;
    }

    public ImageDecoders register(ImageDecoder decoder) {
        decoders.add(decoder);
        return this;
    }

    public Optional<ImageDecoder> find(byte[] data) {
        for (ImageDecoder d : decoders) {
            if (d.recognises(data)) return Optional.of(d);
        }
        return Optional.empty();
    }

    /** Finds the decoder and decodes; an unrecognised format is a (corrupt) decode error. */
    public DecodedImage decode(byte[] data) throws ImageDecodeException {
        ImageDecoder d = find(data).orElseThrow(() -> ImageDecodeException.corrupt(
                "not a recognised image format (first bytes " + hexHead(data) + ")"));
        return d.decode(data);
    }

    /** DICOM Part 10 file: 128-byte preamble then "DICM". */
    public static boolean isDicom(byte[] data) {
        return data.length >= 132 && data[128] == 'D' && data[129] == 'I' && data[130] == 'C' && data[131] == 'M';
    }

    static void checkSize(long width, long height) throws ImageDecodeException {
        if (width <= 0 || height <= 0) throw ImageDecodeException.corrupt("image has no pixels");
        if (width > MAX_PIXELS || height > MAX_PIXELS || width * height > MAX_PIXELS) { // no overflow
            throw ImageDecodeException.corrupt("image too large: " + width + "x" + height);
        }
    }

    static String hexHead(byte[] data) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(8, data.length); i++) sb.append(String.format("%02X ", data[i] & 0xFF));
        return data.length == 0 ? "none: empty file" : sb.toString().trim();
    }
}
