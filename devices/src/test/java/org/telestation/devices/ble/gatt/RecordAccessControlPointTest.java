package org.telestation.devices.ble.gatt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telestation.devices.ble.gatt.Hex.bytes;
import static org.telestation.devices.ble.gatt.Hex.hex;

import org.junit.jupiter.api.Test;

/** Vectors: standards.md §1.8 (requests constructed from the spec; responses from Nordic's RACP tests). */
class RecordAccessControlPointTest {

    @Test
    void requestsEncodeAsTheSpecSays() throws Exception {
        assertThat(hex(RacpRequest.reportAllStoredRecords().encode())).isEqualTo("01 01");
        assertThat(hex(RacpRequest.reportNumberOfAllStoredRecords().encode())).isEqualTo("04 01");
        assertThat(hex(RacpRequest.deleteAllStoredRecords().encode())).isEqualTo("02 01");
        assertThat(hex(RacpRequest.abort().encode())).isEqualTo("03 00");
        for (String v : new String[] {"01 01", "04 01", "02 01", "03 00"}) {
            assertThat(hex(RacpRequest.decode(bytes(v)).encode())).isEqualTo(v);
        }
    }

    @Test
    void filteredRequestsCarryFilterTypeAndValues() throws Exception {
        RacpRequest range = new RacpRequest(RacpOpCode.REPORT_STORED_RECORDS, RacpOperator.WITHIN_RANGE,
                RacpRequest.FILTER_SEQUENCE_NUMBER, 3, 0x0102);
        assertThat(hex(range.encode())).isEqualTo("01 04 01 03 00 02 01");
        assertThat(RacpRequest.decode(range.encode())).isEqualTo(range);
        RacpRequest ge = RacpRequest.decode(bytes("01 03 01 05 00"));
        assertThat(ge.operator()).isEqualTo(RacpOperator.GREATER_THAN_OR_EQUAL);
        assertThat(ge.minimum()).isEqualTo(5);
        assertThatThrownBy(() -> RacpRequest.decode(bytes("01 04 01 03 00")))
                .isInstanceOf(MalformedValueException.class);
    }

    @Test
    void unknownRequestsAreMalformed() {
        assertThatThrownBy(() -> RacpRequest.decode(bytes("0C 01"))).isInstanceOf(MalformedValueException.class);
        assertThatThrownBy(() -> RacpRequest.decode(bytes("01 09"))).isInstanceOf(MalformedValueException.class);
        assertThatThrownBy(() -> RacpRequest.decode(bytes("01"))).isInstanceOf(MalformedValueException.class);
    }

    @Test
    void responseCodes() throws Exception {
        RacpResponse ok = RacpResponse.decode(bytes("06 00 01 01"));
        assertThat(ok).isEqualTo(new RacpResponse.ResponseCode(0x01, RacpResponseCode.SUCCESS));
        assertThat(((RacpResponse.ResponseCode) ok).success()).isTrue();
        assertThat(hex(ok.encode())).isEqualTo("06 00 01 01");
        RacpResponse.ResponseCode unsupported = (RacpResponse.ResponseCode) RacpResponse.decode(bytes("06 00 0C 02"));
        assertThat(unsupported.requestOpCode()).isEqualTo(0x0C);
        assertThat(unsupported.code()).isEqualTo(RacpResponseCode.OP_CODE_NOT_SUPPORTED);
        assertThat(RacpResponseCode.fromCode(0x06)).isEqualTo(RacpResponseCode.NO_RECORDS_FOUND);
        assertThat(RacpResponseCode.fromCode(0x09)).isEqualTo(RacpResponseCode.OPERAND_NOT_SUPPORTED);
        assertThat(RacpResponseCode.fromCode(0x0A)).isNull();
    }

    @Test
    void numberOfRecordsInOneTwoOrFourBytes() throws Exception {
        assertThat(RacpResponse.decode(bytes("05 00 01"))).isEqualTo(new RacpResponse.NumberOfRecords(1));
        assertThat(RacpResponse.decode(bytes("05 00 02 01"))).isEqualTo(new RacpResponse.NumberOfRecords(258));
        assertThat(RacpResponse.decode(bytes("05 00 04 03 02 01")))
                .isEqualTo(new RacpResponse.NumberOfRecords(16_909_060));
        assertThatThrownBy(() -> RacpResponse.decode(bytes("05 00 03 02 01")))
                .isInstanceOf(MalformedValueException.class);
        assertThat(hex(new RacpResponse.NumberOfRecords(258).encode())).isEqualTo("05 00 02 01");
        assertThat(hex(new RacpResponse.NumberOfRecords(16_909_060).encode())).isEqualTo("05 00 04 03 02 01");
    }

    @Test
    void requestsAreNotResponses() {
        assertThatThrownBy(() -> RacpResponse.decode(bytes("01 01"))).isInstanceOf(MalformedValueException.class);
    }
}
