package org.telestation.station.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telestation.devices.ecg.AecgReader;
import org.telestation.devices.ecg.DicomEcgReader;
import org.telestation.devices.ecg.DicomEcgWriter;
import org.telestation.devices.ecg.EcgChannel;
import org.telestation.devices.ecg.EcgFormatException;
import org.telestation.devices.ecg.EcgLead;
import org.telestation.devices.ecg.EcgRecording;
import org.telestation.devices.ecg.ScpEcgReader;
import org.telestation.devices.ecg.WfdbReader;
import org.telestation.devices.ecg.sim.EcgSimulator;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;
import org.telestation.devices.model.WaveformChunk;

/**
 * The 12-lead electrocardiograph. Two ways in, either or both:
 * <ul>
 *   <li><b>Import folder</b> ({@code folder} option): a file the electrocardiograph exports (DICOM 12-lead, SCP-ECG,
 *       HL7 aECG, or a WFDB {@code .hea} with its signal file) is read once complete, by content, with the
 *       {@code devices} readers; an unreadable file goes to quarantine with the reason.</li>
 *   <li><b>Simulator</b> ({@code simulate=true}): the nurse's « ECG 12 dérivations » button records 10 s from
 *       {@link EcgSimulator}, streaming lead II live while it records, as the device's screen would show.</li>
 * </ul>
 * Every recording is stored in the outbox as one ECG item in DICOM 12-lead ECG Waveform ({@link DicomEcgWriter}):
 * one format for the server and the doctor's viewer whatever the device exported; the readers keep samples exact.
 */
public final class EcgSource extends CapturingSource {
    private static final Logger log = LoggerFactory.getLogger(EcgSource.class);
    public static final String RECORD_ACTION = "record-ecg";
    public static final String CONTENT_TYPE = "application/dicom";
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    /** Live lead II comes in runs of this length, as the live link batches. */
    static final Duration LIVE_CHUNK = Duration.ofMillis(40);

    private final Path folder;
    private final boolean simulate;
    private final Duration recordLength;
    private final Random random = new Random();
    private FolderInbox inbox;
    private Thread poller;

    public EcgSource(String address, Path folder, boolean simulate, Duration recordLength, Clock clock) {
        super(new DeviceIdentity(DeviceKind.ECG_12_LEAD, simulate ? "Telestation" : null,
                simulate ? "ECG 12 dérivations (simulateur)" : "ECG 12 dérivations (import de fichiers)", null,
                address), clock);
        this.folder = folder;
        this.simulate = simulate;
        this.recordLength = recordLength;
    }

    @Override
    public List<DeviceAction> actions() {
        return simulate ? List.of(new DeviceAction(RECORD_ACTION, "ECG 12 dérivations ("
                + recordLength.toSeconds() + " s)")) : List.of();
    }

    @Override
    protected void started() {
        if (folder != null) {
            try {
                inbox = new FolderInbox(folder, Duration.ofSeconds(2), clock);
            } catch (IOException e) {
                status(DeviceStatus.State.ERROR, "Dossier d'import des ECG inaccessible — prévenez le support");
                return;
            }
            poller = new Thread(this::pollFolder, "ecg-import");
            poller.setDaemon(true);
            poller.start();
        }
        status(DeviceStatus.State.CONNECTED, simulate ? "Simulateur" : null);
    }

    @Override
    public String perform(String actionId) {
        if (!simulate || !RECORD_ACTION.equals(actionId)) throw new IllegalArgumentException("unknown action " + actionId);
        return submit(this::recordSimulated, "Enregistrement de l'ECG en cours (" + recordLength.toSeconds()
                + " s) : le patient doit rester immobile");
    }

    /** Records from the simulator: lead II live in real time while "recording", then the whole ECG to the outbox. */
    private void recordSimulated() throws InterruptedException {
        status(DeviceStatus.State.CONNECTED, "Simulateur — enregistrement en cours…");
        Instant start = clock.instant();
        EcgSimulator.Config cfg = new EcgSimulator.Config(60 + random.nextInt(30), 160, 90, 380, 500,
                recordLength.toMillis() / 1000.0, 0.03, 8, 5, random.nextLong(), start, List.of());
        EcgRecording rec = EcgSimulator.generate(cfg).recording();
        EcgChannel lead2 = rec.lead(EcgLead.II);
        int perChunk = (int) Math.round(rec.sampleRateHz() * LIVE_CHUNK.toMillis() / 1000.0);
        for (int from = 0; from < lead2.length(); from += perChunk) {
            if (closed) return;
            int to = Math.min(lead2.length(), from + perChunk);
            Instant chunkStart = start.plusNanos(Math.round(from * 1e9 / rec.sampleRateHz()));
            long wait = Duration.between(clock.instant(), start.plusNanos(Math.round(to * 1e9
                    / rec.sampleRateHz()))).toMillis();
            if (wait > 0) Thread.sleep(wait);
            short[] samples = new short[to - from];
            for (int i = from; i < to; i++) samples[i - from] = (short) lead2.samples()[i];
            sink().waveform(new WaveformChunk(identity, "II", rec.sampleRateHz(), chunkStart, samples,
                    lead2.microvoltsPerUnit() / 1000.0, lead2.offsetMicrovolts() / 1000.0, "mV"));
        }
        store(new CapturedItem(identity, "ECG", CONTENT_TYPE, DicomEcgWriter.write(rec),
                "ECG 12 dérivations, " + recordLength.toSeconds() + " s"), "Simulateur — dernier ECG enregistré");
    }

    private void pollFolder() {
        while (!closed) {
            try {
                for (Path file : inbox.stableFiles()) importFile(file);
            } catch (IOException | RuntimeException e) {
                log.warn("ECG import pass failed: {}", e.toString());
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Reads one exported file; file names are never logged (they often hold the patient's name). */
    void importFile(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".dat") || name.endsWith(".reason.txt")) return; // a WFDB signal file goes with its .hea
        if (Files.size(file) > MAX_FILE_BYTES) {
            inbox.quarantine(file, "file larger than " + MAX_FILE_BYTES + " bytes");
            return;
        }
        List<Path> companions = new ArrayList<>();
        EcgRecording rec;
        try {
            if (name.endsWith(".hea")) {
                rec = WfdbReader.read(file);
                String base = file.getFileName().toString();
                base = base.substring(0, base.length() - 4);
                try (DirectoryStream<Path> dir = Files.newDirectoryStream(file.getParent(), base + ".*")) {
                    for (Path p : dir) if (!p.equals(file) && Files.isRegularFile(p)) companions.add(p);
                }
            } else {
                rec = read(Files.readAllBytes(file));
            }
        } catch (EcgFormatException | IOException | RuntimeException e) {
            log.info("ECG file refused: {}", e.getMessage());
            inbox.quarantine(file, "not a readable ECG: " + e.getMessage());
            return;
        }
        DeviceSink.Refusal refusal = offer(new CapturedItem(identity, "ECG", CONTENT_TYPE, DicomEcgWriter.write(rec),
                "ECG importé, " + rec.channels().size() + " dérivations, " + rec.duration().toSeconds() + " s"),
                "Dernier ECG importé");
        if (refusal != null && refusal.permanent()) {
            inbox.quarantine(file, "refused by the outbox: " + refusal.reason()); // would be refused on every try
            for (Path p : companions) inbox.quarantine(p, "companion of a refused recording");
            return;
        }
        if (refusal != null) return; // outbox full: the file stays in the folder and is tried again
        inbox.processed(file);
        for (Path p : companions) inbox.processed(p);
    }

    /** Chooses the reader by content: DICOM preamble, XML, else SCP-ECG (whose CRCs reject anything else). */
    public static EcgRecording read(byte[] bytes) throws EcgFormatException {
        if (bytes.length > 132 && bytes[128] == 'D' && bytes[129] == 'I' && bytes[130] == 'C' && bytes[131] == 'M') {
            return DicomEcgReader.read(bytes);
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("<") || head.startsWith("\uFEFF<")) return AecgReader.read(bytes);
        return ScpEcgReader.read(bytes);
    }

    @Override
    protected void stopped() {
        if (poller != null) poller.interrupt();
    }
}
