package org.telestation.devices.retinograph;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz targets for the import decoding: the JPEG marker walk, the PNG chunk walk, the registry's dispatch by magic
 * bytes, and laterality parsing. Only {@link ImageDecodeException} may escape a decoder. Without JAZZER_FUZZ=1 these
 * replay the corpus under src/test/resources/org/telestation/devices/retinograph/ImageDecodersFuzzTestInputs/.
 */
class ImageDecodersFuzzTest {
    private static final ImageDecoders REGISTRY = ImageDecoders.standard();

    @FuzzTest(maxDuration = "60s")
    void jpeg(byte[] data) {
        decodeWith(new JpegDecoder(), data);
    }

    @FuzzTest(maxDuration = "60s")
    void png(byte[] data) {
        decodeWith(new PngDecoder(), data);
    }

    @FuzzTest(maxDuration = "60s")
    void registry(byte[] data) {
        try {
            check(REGISTRY.decode(data));
        } catch (ImageDecodeException expected) {
            // the declared error
        }
    }

    @FuzzTest(maxDuration = "30s")
    void laterality(FuzzedDataProvider in) {
        String l = Laterality.fromFileName(in.consumeRemainingAsString());
        if (l != null && !l.equals("L") && !l.equals("R")) throw new AssertionError("laterality " + l);
    }

    private static void decodeWith(ImageDecoder decoder, byte[] data) {
        try {
            check(decoder.decode(data));
        } catch (ImageDecodeException expected) {
            // the declared error
        }
    }

    private static void check(DecodedImage img) {
        if ((long) img.width() * img.height() > ImageDecoders.MAX_PIXELS) throw new AssertionError("size bound: " + img);
    }
}
