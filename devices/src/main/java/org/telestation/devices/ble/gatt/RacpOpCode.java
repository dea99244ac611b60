package org.telestation.devices.ble.gatt;

/** Record Access Control Point op codes (standards.md §1.8). */
public enum RacpOpCode {
    REPORT_STORED_RECORDS(0x01),
    DELETE_STORED_RECORDS(0x02),
    ABORT_OPERATION(0x03),
    REPORT_NUMBER_OF_STORED_RECORDS(0x04),
    NUMBER_OF_STORED_RECORDS_RESPONSE(0x05),
    RESPONSE_CODE(0x06);

    private final int code;

    RacpOpCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static RacpOpCode fromCode(int code) {
        for (RacpOpCode c : values()) {
            if (c.code == code) return c;
        }
        return null;
    }
}
