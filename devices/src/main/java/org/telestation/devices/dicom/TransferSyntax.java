package org.telestation.devices.dicom;

/** The transfer syntaxes this reader knows (PS3.5 §10 and Annex A). */
public final class TransferSyntax {
    private TransferSyntax() {}

    public static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    public static final String DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1.99";
    public static final String EXPLICIT_VR_BIG_ENDIAN = "1.2.840.10008.1.2.2";
    public static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";

    /** Encapsulated (compressed) pixel data: every JPEG, JPEG-LS, JPEG 2000 and RLE syntax. */
    public static boolean isEncapsulated(String uid) {
        return uid != null && (uid.startsWith("1.2.840.10008.1.2.4.") || uid.equals("1.2.840.10008.1.2.5"));
    }
}
