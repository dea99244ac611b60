package org.telestation.devices.ble.gatt;

/** Record Access Control Point response values (standards.md §1.8). */
public enum RacpResponseCode {
    SUCCESS(0x01),
    OP_CODE_NOT_SUPPORTED(0x02),
    INVALID_OPERATOR(0x03),
    OPERATOR_NOT_SUPPORTED(0x04),
    INVALID_OPERAND(0x05),
    NO_RECORDS_FOUND(0x06),
    ABORT_UNSUCCESSFUL(0x07),
    PROCEDURE_NOT_COMPLETED(0x08),
    OPERAND_NOT_SUPPORTED(0x09);

    private final int code;

    RacpResponseCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The response of a code, or null for a reserved code. */
    public static RacpResponseCode fromCode(int code) {
        return code >= 1 && code <= values().length ? values()[code - 1] : null;
    }
}
