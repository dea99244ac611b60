package org.telestation.devices.dicom;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzz target: the dataset reader and its accessors may only fail with {@link DicomFormatException}. */
class DicomReaderFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void read(byte[] data) {
        try {
            DicomReader.DicomFile file = DicomReader.read(data);
            touch(file.meta());
            touch(file.dataset());
        } catch (DicomFormatException expected) {
            // the declared error
        }
    }

    private static void touch(DicomDataset ds) {
        for (DicomElement e : ds.elements().values()) {
            if (e.isSequence()) {
                for (DicomDataset item : e.items()) touch(item);
            } else if (!e.isEncapsulated() && e.length() < 256) {
                ds.getString(e.tag());
                ds.getLong(e.tag());
                ds.getDouble(e.tag());
            }
        }
    }
}
