package org.telestation.devices.ble.gatt;

/** Record Access Control Point operators (standards.md §1.8). */
public enum RacpOperator {
    NULL(0x00),
    ALL_RECORDS(0x01),
    LESS_THAN_OR_EQUAL(0x02),
    GREATER_THAN_OR_EQUAL(0x03),
    WITHIN_RANGE(0x04),
    FIRST_RECORD(0x05),
    LAST_RECORD(0x06);

    private final int code;

    RacpOperator(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static RacpOperator fromCode(int code) {
        return code >= 0 && code < values().length ? values()[code] : null;
    }

    /** How many uint16 filter values follow the filter type byte. */
    int filterValues() {
        return switch (this) {
            case LESS_THAN_OR_EQUAL, GREATER_THAN_OR_EQUAL -> 1;
            case WITHIN_RANGE -> 2;
            default -> 0;
        };
    }
}
