package org.telestation.devices.ble.sim;

import java.util.List;

import org.telestation.devices.ble.gatt.HealthCharacteristic;
import org.telestation.devices.ble.gatt.MalformedValueException;
import org.telestation.devices.ble.gatt.RacpResponse;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for the simulators' Record Access Control Point: whatever a client writes, the store answers without
 * throwing, and (for any non-empty write) ends with a RACP indication that decodes.
 */
class RecordStoreFuzzTest {
    @FuzzTest(maxDuration = "40s")
    void handle(byte[] request) {
        RecordStore store = new RecordStore(HealthCharacteristic.PLX_SPOT_CHECK_MEASUREMENT,
                HealthCharacteristic.PLX_RECORD_ACCESS_CONTROL_POINT, 4);
        for (int i = 0; i < 6; i++) store.add(new byte[] {(byte) i});
        List<SimEvent> answer = store.handle(request);
        if (request == null || request.length == 0) return;
        SimEvent.Value last = (SimEvent.Value) answer.get(answer.size() - 1);
        if (last.characteristic() != HealthCharacteristic.PLX_RECORD_ACCESS_CONTROL_POINT) {
            throw new AssertionError("procedure did not end on the RACP");
        }
        try {
            RacpResponse.decode(last.bytes());
        } catch (MalformedValueException e) {
            throw new AssertionError("store answered a malformed RACP indication", e);
        }
    }
}
