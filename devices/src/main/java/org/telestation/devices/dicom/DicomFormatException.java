package org.telestation.devices.dicom;

/** The one error the DICOM reader declares: the bytes are not a dataset it can decode. */
public class DicomFormatException extends Exception {
    public DicomFormatException(String message) {
        super(message);
    }
}
