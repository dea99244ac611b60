package org.telestation.station;

import java.util.ArrayList;
import java.util.List;
import org.telestation.station.link.ControlMessage;

/**
 * Measurement requests the doctor sent down the live link ({@code {"type":"measurement-request","id","kind",
 * "requestedAt"}}), kept for the nurse's screen: the latest few, newest last. Unknown kinds are shown as they are;
 * a malformed message is ignored.
 */
public final class DoctorRequests {
    static final int KEEP = 10;

    /** @param kind BLOOD_PRESSURE, SPO2, TEMPERATURE, ECG_12_LEAD, SNAPSHOT, STETHOSCOPE */
    public record Request(String id, String kind, long requestedAtMs) {
    }

    private final List<Request> requests = new ArrayList<>();

    /** Takes a control message from the server; true when it was a measurement request. */
    public synchronized boolean accept(ControlMessage m) {
        if (!"measurement-request".equals(m.type())) return false;
        String id = m.textField("id");
        String kind = m.textField("kind");
        if (id == null || kind == null || id.length() > 64 || kind.length() > 40) return false;
        requests.add(new Request(id, kind, m.longField("requestedAt", 0)));
        if (requests.size() > KEEP) requests.remove(0);
        return true;
    }

    public synchronized List<Request> recent() {
        return List.copyOf(requests);
    }
}
