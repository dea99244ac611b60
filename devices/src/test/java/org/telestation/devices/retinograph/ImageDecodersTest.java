package org.telestation.devices.retinograph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Byte vectors written from ITU-T T.81 Annex B (JPEG marker syntax) and the PNG specification (2nd ed.) §5.
 */
class ImageDecodersTest {
    private static final HexFormat HEX = HexFormat.of();

    /**
     * SOI; COM "Laterality: OD"; SOF0 len 11, 8-bit, height 2, width 3, 1 component; SOS len 8; entropy-coded bytes
     * with a stuffed FF00 and an RST0; EOI.
     */
    static final String TINY_JPEG = "ffd8"
            + "fffe" + "0010" + HEX.formatHex("Laterality: OD".getBytes())
            + "ffc0" + "000b" + "08" + "0002" + "0003" + "01" + "011100"
            + "ffda" + "0008" + "01" + "0100" + "003f00"
            + "12ff0034ffd056"
            + "ffd9";

    private final JpegDecoder jpeg = new JpegDecoder();
    private final PngDecoder png = new PngDecoder();

    @Test
    void jpeg_marker_walk_finds_size_and_laterality() throws Exception {
        DecodedImage d = jpeg.decode(HEX.parseHex(TINY_JPEG));
        assertThat(d).isEqualTo(new DecodedImage("image/jpeg", 3, 2, "R"));
    }

    @Test
    void jpeg_cut_short_is_incomplete_not_corrupt() {
        byte[] whole = HEX.parseHex(TINY_JPEG);
        for (int len = 3; len < whole.length; len++) {
            byte[] cut = Arrays.copyOf(whole, len);
            assertThatThrownBy(() -> jpeg.decode(cut)).as("cut at %d", len)
                    .isInstanceOfSatisfying(ImageDecodeException.class, e -> assertThat(e.incomplete()).isTrue());
        }
    }

    @Test
    void jpeg_hostile_headers_are_corrupt() {
        // scan before frame header
        assertThatThrownBy(() -> jpeg.decode(HEX.parseHex("ffd8ffda0008010100003f00ffd9")))
                .isInstanceOfSatisfying(ImageDecodeException.class, e -> assertThat(e.incomplete()).isFalse());
        // 65535 x 65535 frame: over the pixel bound
        assertThatThrownBy(() -> jpeg.decode(HEX.parseHex("ffd8ffc0000b08ffffffff01011100ffd9")))
                .hasMessageContaining("too large");
        // segment length below 2
        assertThatThrownBy(() -> jpeg.decode(HEX.parseHex("ffd8ffe00001ffd9"))).hasMessageContaining("length");
        // no frame header at all
        assertThatThrownBy(() -> jpeg.decode(HEX.parseHex("ffd8ffd9"))).hasMessageContaining("no frame header");
    }

    @Test
    void real_simulator_files_decode_with_size_and_laterality() throws Exception {
        FundusSimulator sim = new FundusSimulator(128, 3);
        assertThat(jpeg.decode(sim.jpeg("L", Set.of(), 1))).isEqualTo(new DecodedImage("image/jpeg", 128, 128, "L"));
        assertThat(png.decode(sim.png("R", Set.of(), 1))).isEqualTo(new DecodedImage("image/png", 128, 128, "R"));
    }

    @Test
    void png_checks_crc_length_and_iend() throws Exception {
        byte[] ok = new FundusSimulator(64, 1).png("R", Set.of(), 1);
        byte[] badCrc = ok.clone();
        badCrc[8 + 8 + 13] ^= 1; // IHDR CRC
        assertThatThrownBy(() -> png.decode(badCrc)).hasMessageContaining("CRC");
        assertThatThrownBy(() -> png.decode(Arrays.copyOf(ok, ok.length - 12)))
                .isInstanceOfSatisfying(ImageDecodeException.class, e -> assertThat(e.incomplete()).isTrue());
        byte[] lying = ok.clone();
        lying[8] = 0x7F; // IHDR length 0x7F00000D: more than the file holds
        assertThatThrownBy(() -> png.decode(lying))
                .isInstanceOfSatisfying(ImageDecodeException.class, e -> assertThat(e.incomplete()).isTrue());
        lying[8] = (byte) 0x80; // length above 2^31-1 is invalid per the spec
        assertThatThrownBy(() -> png.decode(lying)).hasMessageContaining("chunk length");
    }

    @Test
    void registry_picks_by_magic_bytes_not_extension_and_recognises_dicom_preamble() throws Exception {
        ImageDecoders reg = ImageDecoders.standard();
        assertThat(reg.find(HEX.parseHex(TINY_JPEG))).containsInstanceOf(JpegDecoder.class);
        assertThat(reg.find(PngDecoder.SIGNATURE)).containsInstanceOf(PngDecoder.class);
        assertThatThrownBy(() -> reg.decode("GIF89a".getBytes())).hasMessageContaining("47 49 46 38 39 61");
        byte[] dicom = new byte[200];
        System.arraycopy("DICM".getBytes(), 0, dicom, 128, 4);
        assertThat(ImageDecoders.isDicom(dicom)).isTrue();
        assertThat(ImageDecoders.isDicom(Arrays.copyOf(dicom, 131))).isFalse();
    }

    @Test
    void laterality_from_names_in_english_french_and_latin() {
        assertThat(Laterality.fromFileName("FUNDUS_20261122_OD_1.jpg")).isEqualTo("R");
        assertThat(Laterality.fromFileName("dupont-jean OG 2.JPG")).isEqualTo("L");
        assertThat(Laterality.fromFileName("IMG0001_OS.png")).isEqualTo("L");
        assertThat(Laterality.fromFileName("retino_droite.jpg")).isEqualTo("R");
        assertThat(Laterality.fromFileName("Left-eye.jpeg")).isEqualTo("L");
        assertThat(Laterality.fromFileName("R1.jpg")).isEqualTo("R");
        assertThat(Laterality.fromFileName("IMG_0042.jpg")).isNull();
        assertThat(Laterality.fromFileName("OD_and_OS.jpg")).isNull();      // both: no guess
        assertThat(Laterality.fromFileName("ODILE_MARTIN.jpg")).isNull();   // whole words only
        assertThat(MetadataLaterality.fromKeyValueText("ImageLaterality=OD")).isEqualTo("R");
    }
}
