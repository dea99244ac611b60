package org.telestation.devices.retinograph;

/**
 * Recognises one image format by its magic bytes and checks a whole file of it. Decoders must be safe on hostile
 * input: only {@link ImageDecodeException} may escape {@link #decode}, and no allocation may follow a length field
 * that the bytes present do not back.
 * <p>
 * DICOM plugs in here: the lead wires an adapter around {@code org.telestation.devices.dicom.DicomImages.read(byte[])}
 * whose {@link #recognises} is {@link ImageDecoders#isDicom(byte[])}.
 */
public interface ImageDecoder {
    /** The media type of the files this decoder reads, e.g. "image/jpeg". */
    String mediaType();

    /** True when the leading bytes are this format's signature (files are never judged by their extension). */
    boolean recognises(byte[] data);

    /** Checks the whole file and extracts size and any laterality metadata. */
    DecodedImage decode(byte[] data) throws ImageDecodeException;
}
