package org.telestation.devices.ble.gatt;

/**
 * An indication from the Record Access Control Point 0x2A52 (standards.md §1.8): either the number of stored records
 * or the response code ending a procedure. Both carry the Null operator (0x00) after the op code.
 */
public sealed interface RacpResponse {

    byte[] encode();

    /**
     * Number of stored records (op code 0x05). The operand is uint16 in PLXS and Glucose; Nordic also accepts one
     * and four bytes (CGM), so those decode too; three bytes are malformed. It is encoded as uint16 when it fits.
     */
    record NumberOfRecords(long count) implements RacpResponse {
        public NumberOfRecords {
            if (count < 0 || count > 0xFFFFFFFFL) throw new IllegalArgumentException("count " + count);
        }

        @Override
        public byte[] encode() {
            GattWriter w = new GattWriter().u8(RacpOpCode.NUMBER_OF_STORED_RECORDS_RESPONSE.code())
                    .u8(RacpOperator.NULL.code());
            if (count <= 0xFFFF) return w.u16((int) count).toByteArray();
            return w.u16((int) count).u16((int) (count >>> 16)).toByteArray();
        }
    }

    /**
     * Response code (op code 0x06): which request it answers and how it ended.
     *
     * @param requestOpCode the op code of the request, raw (it may be one the device did not support)
     * @param value         raw response value; see {@link #code()}
     */
    record ResponseCode(int requestOpCode, int value) implements RacpResponse {
        public ResponseCode {
            requestOpCode &= 0xFF;
            value &= 0xFF;
        }

        public ResponseCode(int requestOpCode, RacpResponseCode code) {
            this(requestOpCode, code.code());
        }

        /** The response, or null for a reserved value. */
        public RacpResponseCode code() {
            return RacpResponseCode.fromCode(value);
        }

        public boolean success() {
            return value == RacpResponseCode.SUCCESS.code();
        }

        @Override
        public byte[] encode() {
            return new GattWriter().u8(RacpOpCode.RESPONSE_CODE.code()).u8(RacpOperator.NULL.code())
                    .u8(requestOpCode).u8(value).toByteArray();
        }
    }

    static RacpResponse decode(byte[] value) throws MalformedValueException {
        GattReader r = GattReader.of(value, "RACP response");
        int op = r.u8("op code");
        r.u8("operator"); // Null; not checked: devices differ and the meaning does not depend on it
        if (op == RacpOpCode.RESPONSE_CODE.code()) {
            return new ResponseCode(r.u8("request op code"), r.u8("response value"));
        }
        if (op == RacpOpCode.NUMBER_OF_STORED_RECORDS_RESPONSE.code()) {
            return switch (r.remaining()) {
                case 1 -> new NumberOfRecords(r.u8("number of records"));
                case 2 -> new NumberOfRecords(r.u16("number of records"));
                case 4 -> new NumberOfRecords(r.u16("number of records") | (long) r.u16("number of records") << 16);
                default -> throw new MalformedValueException("RACP response: number of records operand of "
                        + r.remaining() + " bytes");
            };
        }
        throw new MalformedValueException("RACP response: op code " + op + " is not a response");
    }
}
