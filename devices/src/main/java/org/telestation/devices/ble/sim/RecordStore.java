package org.telestation.devices.ble.sim;

import java.util.ArrayList;
import java.util.List;

import org.telestation.devices.ble.gatt.HealthCharacteristic;
import org.telestation.devices.ble.gatt.MalformedValueException;
import org.telestation.devices.ble.gatt.RacpOpCode;
import org.telestation.devices.ble.gatt.RacpOperator;
import org.telestation.devices.ble.gatt.RacpRequest;
import org.telestation.devices.ble.gatt.RacpResponse;
import org.telestation.devices.ble.gatt.RacpResponseCode;

/**
 * A sensor's stored records and its Record Access Control Point (standards.md §1.8): reports records on the
 * measurement characteristic, then ends with a response code on the RACP. Records get sequence numbers from 1, the
 * filter type Nordic uses (0x01). The oldest record is dropped when the store is full.
 */
final class RecordStore {
    private record Stored(int sequence, byte[] value) {
    }

    private final HealthCharacteristic recordCharacteristic;
    private final HealthCharacteristic racp;
    private final int capacity;
    private final List<Stored> records = new ArrayList<>();
    private int nextSequence = 1;

    RecordStore(HealthCharacteristic recordCharacteristic, HealthCharacteristic racp, int capacity) {
        this.recordCharacteristic = recordCharacteristic;
        this.racp = racp;
        this.capacity = capacity;
    }

    void add(byte[] value) {
        if (records.size() == capacity) records.remove(0);
        records.add(new Stored(nextSequence++ & 0xFFFF, value.clone()));
    }

    int size() {
        return records.size();
    }

    List<SimEvent> handle(byte[] value) {
        RacpRequest request;
        try {
            request = RacpRequest.decode(value);
        } catch (MalformedValueException e) {
            if (value == null || value.length == 0) return List.of();
            RacpOpCode op = RacpOpCode.fromCode(value[0] & 0xFF);
            RacpResponseCode code = op == null || value.length < 2 ? RacpResponseCode.OP_CODE_NOT_SUPPORTED
                    : RacpOperator.fromCode(value[1] & 0xFF) == null ? RacpResponseCode.INVALID_OPERATOR
                    : RacpResponseCode.INVALID_OPERAND;
            return List.of(respond(value[0] & 0xFF, code));
        }
        int op = request.opCode().code();
        if (request.opCode() == RacpOpCode.ABORT_OPERATION) {
            // Nothing runs in the background here: there is never anything left to abort.
            return List.of(respond(op, RacpResponseCode.SUCCESS));
        }
        if (request.operator() == RacpOperator.NULL) return List.of(respond(op, RacpResponseCode.INVALID_OPERATOR));
        if (request.filterType() != 0 && request.filterType() != RacpRequest.FILTER_SEQUENCE_NUMBER) {
            return List.of(respond(op, RacpResponseCode.OPERAND_NOT_SUPPORTED));
        }
        List<Stored> selected = select(request);
        return switch (request.opCode()) {
            case REPORT_NUMBER_OF_STORED_RECORDS -> List.of(
                    new SimEvent.Value(racp, new RacpResponse.NumberOfRecords(selected.size()).encode()));
            case REPORT_STORED_RECORDS -> {
                if (selected.isEmpty()) yield List.of(respond(op, RacpResponseCode.NO_RECORDS_FOUND));
                List<SimEvent> out = new ArrayList<>();
                for (Stored s : selected) out.add(new SimEvent.Value(recordCharacteristic, s.value().clone()));
                out.add(respond(op, RacpResponseCode.SUCCESS));
                yield out;
            }
            case DELETE_STORED_RECORDS -> {
                records.removeAll(selected);
                yield List.of(respond(op, selected.isEmpty() ? RacpResponseCode.NO_RECORDS_FOUND
                        : RacpResponseCode.SUCCESS));
            }
            default -> List.of(respond(op, RacpResponseCode.OP_CODE_NOT_SUPPORTED));
        };
    }

    private List<Stored> select(RacpRequest r) {
        if (records.isEmpty()) return List.of();
        return switch (r.operator()) {
            case ALL_RECORDS -> List.copyOf(records);
            case FIRST_RECORD -> List.of(records.get(0));
            case LAST_RECORD -> List.of(records.get(records.size() - 1));
            case LESS_THAN_OR_EQUAL -> records.stream().filter(s -> s.sequence() <= r.minimum()).toList();
            case GREATER_THAN_OR_EQUAL -> records.stream().filter(s -> s.sequence() >= r.minimum()).toList();
            case WITHIN_RANGE -> records.stream()
                    .filter(s -> s.sequence() >= r.minimum() && s.sequence() <= r.maximum()).toList();
            case NULL -> List.of();
        };
    }

    private SimEvent respond(int requestOpCode, RacpResponseCode code) {
        return new SimEvent.Value(racp, new RacpResponse.ResponseCode(requestOpCode, code).encode());
    }
}
