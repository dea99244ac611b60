package org.telestation.station.source;

import java.time.Clock;
import java.util.List;
import org.telestation.devices.model.DeviceUnavailableException;
import org.telestation.devices.model.ImageFrame;
import org.telestation.devices.video.VideoSource;

/**
 * The otoscope (or dermatoscope): « Prendre une photo » takes a full-resolution still ({@link VideoSource#captureStill})
 * and stores it as one JPEG outbox item. The live picture goes to the doctor over WebRTC (package
 * {@code station.media}); this source only does the stills for the record.
 */
public final class OtoscopeSource extends CapturingSource {
    public static final String SNAPSHOT_ACTION = "snapshot";

    private final VideoSource camera;
    private final boolean simulated;

    public OtoscopeSource(VideoSource camera, boolean simulated, Clock clock) {
        super(camera.device(), clock);
        this.camera = camera;
        this.simulated = simulated;
    }

    @Override
    public List<DeviceAction> actions() {
        return List.of(new DeviceAction(SNAPSHOT_ACTION, "Prendre une photo"));
    }

    @Override
    protected void started() {
        status(DeviceStatus.State.CONNECTED, simulated ? "Simulateur" : null);
    }

    @Override
    public String perform(String actionId) {
        if (!SNAPSHOT_ACTION.equals(actionId)) throw new IllegalArgumentException("unknown action " + actionId);
        return submit(this::snapshot, "Photo en cours…");
    }

    private void snapshot() throws Exception {
        ImageFrame still = camera.captureStill();
        store(new CapturedItem(identity, "IMAGE", still.format(), still.data(),
                "Photo " + still.width() + "×" + still.height()), (simulated ? "Simulateur — " : "")
                + "dernière photo enregistrée");
    }

    @Override
    protected String failureDiagnostic(Exception e) {
        return e instanceof DeviceUnavailableException
                ? "Otoscope débranché — rebranchez son câble USB puis reprenez la photo"
                : super.failureDiagnostic(e);
    }

    @Override
    protected void stopped() {
        camera.close();
    }
}
