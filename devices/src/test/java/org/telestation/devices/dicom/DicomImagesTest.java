package org.telestation.devices.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.telestation.devices.model.ImageFrame;

/** Retinography images: native and encapsulated JPEG pixel data, laterality (0020,0060)/(0020,0062). */
class DicomImagesTest {
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};

    @Test
    void extractsEncapsulatedJpegAndLaterality() throws Exception {
        byte[] dataset = new DicomOutput().us(Tag.ROWS, 480).us(Tag.COLUMNS, 640).us(Tag.SAMPLES_PER_PIXEL, 3)
                .string(Tag.LATERALITY, "CS", "L").string(Tag.MANUFACTURER, "LO", "Topcon")
                .string(Tag.ACQUISITION_DATE_TIME, "DT", "20261122093000.000+0100").toDataset();
        byte[] file = DicomBytes.of().part10Header(TransferSyntax.JPEG_BASELINE).raw(dataset)
                .tag(Tag.PIXEL_DATA).raw('O', 'B', 0, 0).u32(0xFFFFFFFFL)
                .tag(Tag.ITEM).u32(0)                                   // empty basic offset table
                .tag(Tag.ITEM).u32(4).raw(JPEG[0], JPEG[1], JPEG[2], JPEG[3])
                .tag(Tag.ITEM).u32(6).raw(1, 2, 3, 0xFF, 0xD9, 0)       // second fragment, padded to even
                .tag(Tag.SEQUENCE_DELIMITATION).u32(0).bytes();
        ImageFrame frame = DicomImages.read(file, ZoneId.of("Europe/Paris"));
        assertThat(frame.format()).isEqualTo("image/jpeg");
        assertThat(frame.width()).isEqualTo(640);
        assertThat(frame.height()).isEqualTo(480);
        assertThat(frame.data()).startsWith(JPEG[0], JPEG[1], JPEG[2], JPEG[3], 1, 2, 3).hasSize(10);
        assertThat(frame.laterality()).isEqualTo("L");
        assertThat(frame.captureTime()).isEqualTo(Instant.parse("2026-11-22T08:30:00Z"));
        assertThat(frame.device().manufacturer()).isEqualTo("Topcon");
        assertThat(frame.still()).isTrue();
    }

    @Test
    void extractsNativeRgbAndPrefersImageLaterality() throws Exception {
        byte[] planar = {1, 2, 10, 20, 100, (byte) 200}; // 2 pixels, R plane, G plane, B plane
        byte[] file = new DicomOutput().us(Tag.ROWS, 1).us(Tag.COLUMNS, 2).us(Tag.SAMPLES_PER_PIXEL, 3)
                .us(Tag.BITS_ALLOCATED, 8).us(Tag.PLANAR_CONFIGURATION, 1)
                .string(Tag.LATERALITY, "CS", "L").string(Tag.IMAGE_LATERALITY, "CS", "R")
                .binary(Tag.PIXEL_DATA, "OB", planar).toPart10("1.2.840.10008.5.1.4.1.1.77.1.5.1", "1.2.3");
        ImageFrame frame = DicomImages.read(file);
        assertThat(frame.format()).isEqualTo("video/x-raw;format=RGB");
        assertThat(frame.data()).containsExactly(1, 10, 100, 2, 20, (byte) 200);
        assertThat(frame.laterality()).isEqualTo("R");
    }

    @Test
    void refusesPixelDataShorterThanTheFrame() {
        byte[] file = new DicomOutput().us(Tag.ROWS, 1000).us(Tag.COLUMNS, 1000).us(Tag.BITS_ALLOCATED, 8)
                .binary(Tag.PIXEL_DATA, "OB", new byte[4]).toPart10("1.2", "1.2.3");
        assertThatThrownBy(() -> DicomImages.read(file)).isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("the frame needs");
    }
}
