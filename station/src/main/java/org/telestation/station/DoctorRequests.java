package org.telestation.station;

import java.util.ArrayList;
import java.util.List;
import org.telestation.station.link.ControlMessage;

/**
 * Measurement requests the doctor sent down the live link ({@code {"type":"measurement-request","id","kind",
 * "requestedAt"}}), kept for the nurse's screen: the latest few, newest last. Unknown kinds are shown as they are;
 * a malformed message is ignored.
 *
 * <p>A SNAPSHOT request needs no nurse when an examination camera is running: the {@link Camera} takes the
 * full-resolution still itself (it goes to the outbox as an IMAGE item like the nurse's own photo), and the request
 * is kept marked {@code automatic} so the nurse's screen says it was done. Without a running camera the request is
 * shown to the nurse as any other.
 */
public final class DoctorRequests {
    static final int KEEP = 10;
    public static final String SNAPSHOT = "SNAPSHOT";

    /**
     * @param kind      BLOOD_PRESSURE, SPO2, TEMPERATURE, ECG_12_LEAD, SNAPSHOT, STETHOSCOPE
     * @param automatic the station did it by itself (a snapshot taken by a running camera)
     */
    public record Request(String id, String kind, long requestedAtMs, boolean automatic) {
    }

    /** An examination camera the station can trigger without the nurse. */
    @FunctionalInterface
    public interface Camera {
        /** Starts a full-resolution still on a running camera; false when none is running or it cannot now. */
        boolean snapshot();
    }

    private final List<Request> requests = new ArrayList<>();
    private final Camera camera;

    /** Without a camera: every request is for the nurse. */
    public DoctorRequests() {
        this(() -> false);
    }

    public DoctorRequests(Camera camera) {
        this.camera = camera;
    }

    /** Takes a control message from the server; true when it was a measurement request. */
    public synchronized boolean accept(ControlMessage m) {
        if (!"measurement-request".equals(m.type())) return false;
        String id = m.textField("id");
        String kind = m.textField("kind");
        if (id == null || kind == null || id.length() > 64 || kind.length() > 40) return false;
        boolean automatic = SNAPSHOT.equals(kind) && takeSnapshot();
        requests.add(new Request(id, kind, m.longField("requestedAt", 0), automatic));
        if (requests.size() > KEEP) requests.remove(0);
        return true;
    }

    private boolean takeSnapshot() {
        try {
            return camera.snapshot();
        } catch (RuntimeException e) {
            return false; // the nurse is asked instead
        }
    }

    public synchronized List<Request> recent() {
        return List.copyOf(requests);
    }
}
