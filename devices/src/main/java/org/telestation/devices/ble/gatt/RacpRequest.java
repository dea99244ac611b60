package org.telestation.devices.ble.gatt;

import java.util.Objects;

/**
 * A request written to the Record Access Control Point 0x2A52 (Write + Indicate, CCCD 0x0002), standards.md §1.8:
 * op code, operator, then for the "≤", "≥" and "within range" operators a filter type (0x01 = sequence number in
 * Nordic's implementation) and one or two uint16 values.
 *
 * @param filterType 0 when the operator takes no operand
 * @param minimum    first filter value (the bound for ≤ and ≥), 0 when unused
 * @param maximum    second filter value (range only), 0 when unused
 */
public record RacpRequest(RacpOpCode opCode, RacpOperator operator, int filterType, int minimum, int maximum) {
    public static final int FILTER_SEQUENCE_NUMBER = 0x01;

    public RacpRequest {
        Objects.requireNonNull(opCode, "opCode");
        Objects.requireNonNull(operator, "operator");
    }

    public static RacpRequest reportAllStoredRecords() {
        return new RacpRequest(RacpOpCode.REPORT_STORED_RECORDS, RacpOperator.ALL_RECORDS, 0, 0, 0);
    }

    public static RacpRequest reportNumberOfAllStoredRecords() {
        return new RacpRequest(RacpOpCode.REPORT_NUMBER_OF_STORED_RECORDS, RacpOperator.ALL_RECORDS, 0, 0, 0);
    }

    public static RacpRequest deleteAllStoredRecords() {
        return new RacpRequest(RacpOpCode.DELETE_STORED_RECORDS, RacpOperator.ALL_RECORDS, 0, 0, 0);
    }

    public static RacpRequest abort() {
        return new RacpRequest(RacpOpCode.ABORT_OPERATION, RacpOperator.NULL, 0, 0, 0);
    }

    /**
     * Decodes a request. An unknown op code or operator is malformed here; a device answers it with
     * {@link RacpResponseCode#OP_CODE_NOT_SUPPORTED} or {@link RacpResponseCode#INVALID_OPERATOR}.
     */
    public static RacpRequest decode(byte[] value) throws MalformedValueException {
        GattReader r = GattReader.of(value, "RACP request");
        int op = r.u8("op code");
        RacpOpCode opCode = RacpOpCode.fromCode(op);
        if (opCode == null || opCode == RacpOpCode.RESPONSE_CODE
                || opCode == RacpOpCode.NUMBER_OF_STORED_RECORDS_RESPONSE) {
            throw new MalformedValueException("RACP request: op code " + op + " is not a request");
        }
        int oper = r.u8("operator");
        RacpOperator operator = RacpOperator.fromCode(oper);
        if (operator == null) throw new MalformedValueException("RACP request: unknown operator " + oper);
        int filterType = 0, min = 0, max = 0;
        if (operator.filterValues() > 0) {
            filterType = r.u8("filter type");
            min = r.u16("filter value");
            if (operator.filterValues() == 2) max = r.u16("filter maximum");
        }
        return new RacpRequest(opCode, operator, filterType, min, max);
    }

    public byte[] encode() {
        GattWriter w = new GattWriter().u8(opCode.code()).u8(operator.code());
        if (operator.filterValues() > 0) {
            w.u8(filterType).u16(minimum);
            if (operator.filterValues() == 2) w.u16(maximum);
        }
        return w.toByteArray();
    }
}
