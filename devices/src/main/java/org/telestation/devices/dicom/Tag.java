package org.telestation.devices.dicom;

/** DICOM tags used by this package, as {@code group << 16 | element}. Names follow PS3.6. */
public final class Tag {
    private Tag() {}

    public static int of(int group, int element) {
        return group << 16 | element;
    }

    public static String format(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }

    public static final int FILE_META_GROUP_LENGTH = 0x00020000;
    public static final int FILE_META_VERSION = 0x00020001;
    public static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;
    public static final int MEDIA_STORAGE_SOP_INSTANCE_UID = 0x00020003;
    public static final int TRANSFER_SYNTAX_UID = 0x00020010;
    public static final int IMPLEMENTATION_CLASS_UID = 0x00020012;
    public static final int IMPLEMENTATION_VERSION_NAME = 0x00020013;

    public static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    public static final int SOP_CLASS_UID = 0x00080016;
    public static final int SOP_INSTANCE_UID = 0x00080018;
    public static final int STUDY_DATE = 0x00080020;
    public static final int CONTENT_DATE = 0x00080023;
    public static final int ACQUISITION_DATE_TIME = 0x0008002A;
    public static final int STUDY_TIME = 0x00080030;
    public static final int CONTENT_TIME = 0x00080033;
    public static final int MODALITY = 0x00080060;
    public static final int MANUFACTURER = 0x00080070;
    public static final int MANUFACTURER_MODEL_NAME = 0x00081090;
    public static final int CODE_VALUE = 0x00080100;
    public static final int CODING_SCHEME_DESIGNATOR = 0x00080102;
    public static final int CODING_SCHEME_VERSION = 0x00080103;
    public static final int CODE_MEANING = 0x00080104;

    public static final int PATIENT_NAME = 0x00100010;
    public static final int PATIENT_ID = 0x00100020;
    public static final int PATIENT_BIRTH_DATE = 0x00100030;
    public static final int PATIENT_SEX = 0x00100040;
    public static final int DEVICE_SERIAL_NUMBER = 0x00181000;

    public static final int STUDY_INSTANCE_UID = 0x0020000D;
    public static final int SERIES_INSTANCE_UID = 0x0020000E;
    public static final int STUDY_ID = 0x00200010;
    public static final int SERIES_NUMBER = 0x00200011;
    public static final int INSTANCE_NUMBER = 0x00200013;
    public static final int LATERALITY = 0x00200060;
    public static final int IMAGE_LATERALITY = 0x00200062;

    public static final int SAMPLES_PER_PIXEL = 0x00280002;
    public static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
    public static final int PLANAR_CONFIGURATION = 0x00280006;
    public static final int NUMBER_OF_FRAMES = 0x00280008;
    public static final int ROWS = 0x00280010;
    public static final int COLUMNS = 0x00280011;
    public static final int BITS_ALLOCATED = 0x00280100;
    public static final int BITS_STORED = 0x00280101;
    public static final int PIXEL_REPRESENTATION = 0x00280103;

    public static final int WAVEFORM_ORIGINALITY = 0x003A0004;
    public static final int NUMBER_OF_WAVEFORM_CHANNELS = 0x003A0005;
    public static final int NUMBER_OF_WAVEFORM_SAMPLES = 0x003A0010;
    public static final int SAMPLING_FREQUENCY = 0x003A001A;
    public static final int MULTIPLEX_GROUP_LABEL = 0x003A0020;
    public static final int CHANNEL_DEFINITION_SEQUENCE = 0x003A0200;
    public static final int WAVEFORM_CHANNEL_NUMBER = 0x003A0202;
    public static final int CHANNEL_LABEL = 0x003A0203;
    public static final int CHANNEL_SOURCE_SEQUENCE = 0x003A0208;
    public static final int CHANNEL_SENSITIVITY = 0x003A0210;
    public static final int CHANNEL_SENSITIVITY_UNITS_SEQUENCE = 0x003A0211;
    public static final int CHANNEL_SENSITIVITY_CORRECTION_FACTOR = 0x003A0212;
    public static final int CHANNEL_BASELINE = 0x003A0213;
    public static final int CHANNEL_TIME_SKEW = 0x003A0214;
    public static final int WAVEFORM_BITS_STORED = 0x003A021A;
    public static final int FILTER_LOW_FREQUENCY = 0x003A0220;
    public static final int FILTER_HIGH_FREQUENCY = 0x003A0221;
    public static final int NOTCH_FILTER_FREQUENCY = 0x003A0222;

    public static final int WAVEFORM_SEQUENCE = 0x54000100;
    public static final int WAVEFORM_BITS_ALLOCATED = 0x54001004;
    public static final int WAVEFORM_SAMPLE_INTERPRETATION = 0x54001006;
    public static final int WAVEFORM_PADDING_VALUE = 0x5400100A;
    public static final int WAVEFORM_DATA = 0x54001010;

    public static final int PIXEL_DATA = 0x7FE00010;

    public static final int ITEM = 0xFFFEE000;
    public static final int ITEM_DELIMITATION = 0xFFFEE00D;
    public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
}
