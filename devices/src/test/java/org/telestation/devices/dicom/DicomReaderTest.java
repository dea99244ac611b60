package org.telestation.devices.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Byte-level vectors for the dataset reader (PS3.5 §7.1.2 explicit VR, §7.1.3 implicit VR, §7.5 sequences). */
class DicomReaderTest {
    @Test
    void readsAnExplicitVrShortElement() throws Exception {
        // (0010,0020) LO length 4 "ABC " — tag, VR, 16-bit length, value
        byte[] bytes = {0x10, 0x00, 0x20, 0x00, 'L', 'O', 0x04, 0x00, 'A', 'B', 'C', ' '};
        DicomDataset ds = DicomReader.read(bytes).dataset();
        assertThat(ds.getString(Tag.PATIENT_ID)).isEqualTo("ABC");
        assertThat(ds.get(Tag.PATIENT_ID).vr()).isEqualTo("LO");
    }

    @Test
    void readsAnImplicitVrElementWithTheDictionaryVr() throws Exception {
        // (0028,0010) Rows, implicit: tag, 32-bit length 2, value 0x0200 = 512
        byte[] bytes = {0x28, 0x00, 0x10, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x02};
        DicomDataset ds = DicomReader.read(bytes).dataset();
        assertThat(ds.getInt(Tag.ROWS)).isEqualTo(512);
        assertThat(ds.get(Tag.ROWS).vr()).isEqualTo("US");
    }

    @Test
    void readsUndefinedLengthSequencesAndItems() throws Exception {
        byte[] item = DicomBytes.of().explicit(Tag.CODE_VALUE, "SH", "uV").bytes();
        byte[] bytes = DicomBytes.of().part10Header("1.2.840.10008.1.2.1")
                .tag(Tag.WAVEFORM_SEQUENCE).raw('S', 'Q', 0, 0).u32(0xFFFFFFFFL)
                .tag(Tag.ITEM).u32(0xFFFFFFFFL).raw(item).tag(Tag.ITEM_DELIMITATION).u32(0)
                .tag(Tag.ITEM).u32(item.length).raw(item)
                .tag(Tag.SEQUENCE_DELIMITATION).u32(0)
                .explicit(Tag.MODALITY, "CS", "ECG ")
                .bytes();
        DicomReader.DicomFile file = DicomReader.read(bytes);
        assertThat(file.transferSyntax()).isEqualTo("1.2.840.10008.1.2.1");
        List<DicomDataset> items = file.dataset().getSequence(Tag.WAVEFORM_SEQUENCE);
        assertThat(items).hasSize(2);
        assertThat(items.get(0).getString(Tag.CODE_VALUE)).isEqualTo("uV");
        assertThat(items.get(1).getString(Tag.CODE_VALUE)).isEqualTo("uV");
        assertThat(file.dataset().getString(Tag.MODALITY)).isEqualTo("ECG");
    }

    @Test
    void readsImplicitUndefinedLengthSequences() throws Exception {
        byte[] item = DicomBytes.of().implicit(Tag.CODE_VALUE, new byte[] {'m', 'V'}).bytes();
        byte[] bytes = DicomBytes.of().part10Header("1.2.840.10008.1.2")
                .tag(Tag.CHANNEL_SENSITIVITY_UNITS_SEQUENCE).u32(0xFFFFFFFFL)
                .tag(Tag.ITEM).u32(0xFFFFFFFFL).raw(item).tag(Tag.ITEM_DELIMITATION).u32(0)
                .tag(Tag.SEQUENCE_DELIMITATION).u32(0).bytes();
        DicomDataset ds = DicomReader.read(bytes).dataset();
        assertThat(ds.getItem(Tag.CHANNEL_SENSITIVITY_UNITS_SEQUENCE).getString(Tag.CODE_VALUE)).isEqualTo("mV");
    }

    @Test
    void refusesALyingLengthWithoutAllocating() {
        // (7FE0,0010) OB claiming 0xFFFFFFF0 bytes with 2 present
        byte[] bytes = DicomBytes.of().tag(Tag.PIXEL_DATA).raw('O', 'B', 0, 0).u32(0xFFFFFFF0L).raw(1, 2).bytes();
        assertThatThrownBy(() -> DicomReader.read(bytes)).isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("claims");
    }

    @Test
    void refusesTruncationBadVrsAndBigEndian() {
        assertThatThrownBy(() -> DicomReader.read(new byte[] {0x10, 0x00, 0x20}))
                .isInstanceOf(DicomFormatException.class);
        byte[] badVr = DicomBytes.of().part10Header("1.2.840.10008.1.2.1").raw(0x10, 0, 0x20, 0, 'l', 'o', 0, 0).bytes();
        assertThatThrownBy(() -> DicomReader.read(badVr)).hasMessageContaining("bad VR");
        byte[] bigEndian = DicomBytes.of().part10Header("1.2.840.10008.1.2.2").explicit(Tag.MODALITY, "CS", "OT").bytes();
        assertThatThrownBy(() -> DicomReader.read(bigEndian)).hasMessageContaining("big endian");
    }

    @Test
    void limitsNesting() {
        DicomBytes b = DicomBytes.of();
        for (int i = 0; i < 40; i++) b.tag(Tag.WAVEFORM_SEQUENCE).raw('S', 'Q', 0, 0).u32(0xFFFFFFFFL).tag(Tag.ITEM).u32(0xFFFFFFFFL);
        byte[] bytes = b.bytes();
        assertThatThrownBy(() -> DicomReader.read(bytes)).hasMessageContaining("nested");
    }

    @Test
    void writerOutputReadsBack() throws Exception {
        byte[] file = new DicomOutput().string(Tag.PATIENT_NAME, "PN", "Éloïse^Test").us(Tag.ROWS, 3)
                .decimal(Tag.SAMPLING_FREQUENCY, 499.5).string(Tag.SPECIFIC_CHARACTER_SET, "CS", "ISO_IR 192")
                .toPart10("1.2.3", "1.2.3.4");
        DicomReader.DicomFile parsed = DicomReader.read(file);
        assertThat(parsed.meta().getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID)).isEqualTo("1.2.3.4");
        assertThat(parsed.dataset().getString(Tag.PATIENT_NAME)).isEqualTo("Éloïse^Test");
        assertThat(parsed.dataset().getInt(Tag.ROWS)).isEqualTo(3);
        assertThat(parsed.dataset().getDouble(Tag.SAMPLING_FREQUENCY)).isEqualTo(499.5);
        assertThat(DicomOutput.newUid()).startsWith("2.25.").hasSizeLessThanOrEqualTo(64);
    }
}
