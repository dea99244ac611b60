package org.telestation.server.consultation;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;

/**
 * The station's measurement payload becomes a draft observation: whatever the bytes, {@link ObservationService#parse}
 * returns a draft whose fields fit their columns, or null (kept as UNREADABLE); nothing escapes. Corpus under
 * src/test/resources/org/telestation/server/consultation/MeasurementDraftFuzzTestInputs/parse/.
 */
class MeasurementDraftFuzzTest {
    private static final Instant CAPTURED = Instant.parse("2026-11-22T10:00:00Z");

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] payload) {
        var d = ObservationService.parse(payload, CAPTURED);
        if (d == null) return;
        if (d.sign() == null || d.sign().length() > 40) throw new AssertionError("sign does not fit: " + d);
        if (d.loinc() != null && d.loinc().length() > 20) throw new AssertionError("loinc does not fit: " + d);
        if (d.unit() != null && d.unit().length() > 20) throw new AssertionError("unit does not fit: " + d);
        if (d.device() != null && d.device().length() > 200) throw new AssertionError("device does not fit: " + d);
        if (d.at() == null) throw new AssertionError("no time: " + d);
    }
}
