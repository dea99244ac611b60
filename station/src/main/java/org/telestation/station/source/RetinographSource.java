package org.telestation.station.source;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;
import org.telestation.devices.model.ImageFrame;
import org.telestation.devices.retinograph.FundusSimulator;
import org.telestation.devices.retinograph.ImageDecoders;
import org.telestation.devices.retinograph.ImportFolders;
import org.telestation.devices.retinograph.ImportedImage;
import org.telestation.devices.retinograph.RetinographImporter;

/**
 * The retinograph's export folder ({@code folder} option; work folders under {@code work}, default
 * {@code <folder>/../retinograph-work}): {@link RetinographImporter} takes each complete JPEG, PNG or DICOM image
 * once, with its laterality, and this source stores it as an IMAGE outbox item whose content type carries the eye:
 * {@code image/jpeg; laterality=R} (or {@code L}; no parameter when unknown). If the outbox refuses, the importer
 * leaves the file in the folder and retries. With {@code simulate=true} two buttons drop a synthetic fundus
 * photograph ({@link FundusSimulator}) into the folder, as the retinograph would.
 */
public final class RetinographSource extends CapturingSource {
    public static final String RIGHT_EYE_ACTION = "simulate-right";
    public static final String LEFT_EYE_ACTION = "simulate-left";

    private final Path folder;
    private final Path work;
    private final boolean simulate;
    private final AtomicInteger shots = new AtomicInteger();
    private RetinographImporter importer;

    public RetinographSource(Path folder, Path work, boolean simulate, Clock clock) {
        super(new DeviceIdentity(DeviceKind.RETINOGRAPH, simulate ? "Telestation" : null,
                simulate ? "Rétinographe (simulateur)" : "Rétinographe (dossier d'export)", null,
                "folder:" + folder), clock);
        this.folder = folder;
        this.work = work != null ? work : folder.resolveSibling(folder.getFileName() + "-work");
        this.simulate = simulate;
    }

    /** The content type of an imported image: its media type, plus the eye when known. */
    static String contentType(ImageFrame frame) {
        return frame.laterality() == null ? frame.format() : frame.format() + "; laterality=" + frame.laterality();
    }

    @Override
    public List<DeviceAction> actions() {
        return simulate ? List.of(new DeviceAction(RIGHT_EYE_ACTION, "Simuler une photo de l'œil droit"),
                new DeviceAction(LEFT_EYE_ACTION, "Simuler une photo de l'œil gauche")) : List.of();
    }

    @Override
    protected void started() {
        try {
            importer = new RetinographImporter(ImportFolders.of(folder, work), ImageDecoders.standard(), identity,
                    this::imported, clock, RetinographImporter.Settings.defaults());
            importer.start();
            status(DeviceStatus.State.CONNECTED, simulate ? "Simulateur" : null);
        } catch (IOException e) {
            status(DeviceStatus.State.ERROR, "Dossier du rétinographe inaccessible — vérifiez le partage réseau "
                    + "ou prévenez le support");
        }
    }

    private void imported(ImportedImage image) throws RetinographImporter.Refused {
        ImageFrame f = image.frame();
        String eye = "R".equals(f.laterality()) ? "œil droit" : "L".equals(f.laterality()) ? "œil gauche"
                : "œil non précisé";
        DeviceSink.Refusal refusal = offer(new CapturedItem(identity, "IMAGE", contentType(f), f.data(),
                "Rétinographie, " + eye), (simulate ? "Simulateur — " : "") + "dernière image importée (" + eye + ")");
        if (refusal != null && refusal.permanent()) {
            throw new RetinographImporter.Refused("refused by the outbox: " + refusal.reason()); // quarantined
        }
        if (refusal != null) throw new IllegalStateException("outbox full"); // the importer keeps the file and retries
    }

    @Override
    public String perform(String actionId) {
        String eye = switch (actionId) {
            case RIGHT_EYE_ACTION -> "R";
            case LEFT_EYE_ACTION -> "L";
            default -> null;
        };
        if (!simulate || eye == null) throw new IllegalArgumentException("unknown action " + actionId);
        return submit(() -> {
            int n = shots.incrementAndGet();
            byte[] jpeg = new FundusSimulator(800, n).jpeg(eye, Set.of(), n);
            FundusSimulator.drop(folder, FundusSimulator.fileName(LocalDateTime.now(clock), eye, n, "jpg"), jpeg,
                    false, 0);
        }, "Photo du fond d'œil en cours…");
    }

    @Override
    protected void stopped() {
        if (importer != null) importer.close();
    }
}
