package org.telestation.station;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.telestation.station.link.ControlMessage;

/**
 * Measurement requests arrive as control messages from the server: whatever the text, the nurse's list stays bounded
 * and holds only well-formed requests; nothing escapes. Corpus under
 * src/test/resources/org/telestation/station/DoctorRequestsFuzzTestInputs/controlMessage/.
 */
class DoctorRequestsFuzzTest {
    private static final DoctorRequests REQUESTS = new DoctorRequests();

    @FuzzTest(maxDuration = "60s")
    void controlMessage(String text) {
        ControlMessage.parse(text).ifPresent(REQUESTS::accept);
        var recent = REQUESTS.recent();
        if (recent.size() > DoctorRequests.KEEP) throw new AssertionError("unbounded: " + recent.size());
        for (DoctorRequests.Request r : recent) {
            if (r.id() == null || r.kind() == null || r.id().length() > 64 || r.kind().length() > 40) {
                throw new AssertionError("malformed request kept: " + r);
            }
        }
    }
}
