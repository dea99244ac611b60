package org.telestation.station.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.telestation.devices.audio.AudioCaptureFormat;
import org.telestation.devices.audio.AudioDeviceUnavailableException;
import org.telestation.devices.audio.AudioSource;
import org.telestation.devices.audio.HeartSoundSimulator;
import org.telestation.devices.audio.JavaSoundAudioSource;
import org.telestation.devices.audio.MixerSelector;
import org.telestation.devices.audio.SimulatedAudioSource;
import org.telestation.devices.audio.WavWriter;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;

/**
 * The stethoscope: « Enregistrer l'auscultation » records a clip of unprocessed PCM16 (no gain, no noise
 * suppression: {@link AudioSource}) and stores it as one WAV outbox item. The device is opened only while it
 * records, so the live WebRTC audio can use it the rest of the time. A real USB stethoscope is found by a part of
 * its mixer name ({@code mixer} option, {@link JavaSoundAudioSource}); the simulator is {@link HeartSoundSimulator}.
 */
public final class StethoscopeSource extends CapturingSource {
    public static final String RECORD_ACTION = "record-audio";
    public static final String CONTENT_TYPE = "audio/wav";
    static final int PREFERRED_RATE = 8000;

    private final Supplier<AudioSource> opener;
    private final Duration clipLength;
    private final boolean simulated;
    private final String mixer;

    private StethoscopeSource(DeviceIdentity identity, Supplier<AudioSource> opener, boolean simulated, String mixer,
                              Duration clipLength, Clock clock) {
        super(identity, clock);
        this.opener = opener;
        this.simulated = simulated;
        this.mixer = mixer;
        this.clipLength = clipLength;
    }

    /** The heart-sound simulator, paced in real time (a recording takes as long as with the real device). */
    public static StethoscopeSource simulated(boolean murmur, Duration clipLength, Clock clock) {
        return new StethoscopeSource(new DeviceIdentity(DeviceKind.STETHOSCOPE, "Telestation",
                "Stéthoscope (simulateur)", "SIM-0001", "sim:stethoscope"),
                () -> new SimulatedAudioSource(new HeartSoundSimulator(4000, 72, murmur, System.nanoTime()), clock,
                        true), true, null, clipLength, clock);
    }

    /** A USB stethoscope through Java Sound; {@code mixer} is part of its mixer name, or null for the first "USB". */
    public static StethoscopeSource javaSound(String mixer, Duration clipLength, Clock clock) {
        return new StethoscopeSource(new DeviceIdentity(DeviceKind.STETHOSCOPE, null, "Stéthoscope USB", null,
                "audio:" + (mixer == null ? "usb" : mixer)), () -> {
                    try {
                        return JavaSoundAudioSource.open(mixer, 1, PREFERRED_RATE, clock);
                    } catch (IOException e) {
                        throw new DeviceMissing(e);
                    }
                }, false, mixer, clipLength, clock);
    }

    /** Carries the open failure out of the supplier. */
    private static final class DeviceMissing extends RuntimeException {
        DeviceMissing(IOException cause) {
            super(cause);
        }
    }

    @Override
    public List<DeviceAction> actions() {
        return List.of(new DeviceAction(RECORD_ACTION, "Enregistrer l'auscultation (" + clipLength.toSeconds() + " s)"));
    }

    @Override
    protected void started() {
        if (simulated || MixerSelector.select(JavaSoundAudioSource.captureMixers(), mixer).isPresent()) {
            status(DeviceStatus.State.CONNECTED, simulated ? "Simulateur" : null);
        } else {
            status(DeviceStatus.State.DISCONNECTED, NOT_FOUND);
        }
    }

    static final String NOT_FOUND = "Stéthoscope non détecté — vérifiez qu'il est branché (USB) et allumé";

    @Override
    public String perform(String actionId) {
        if (!RECORD_ACTION.equals(actionId)) throw new IllegalArgumentException("unknown action " + actionId);
        return submit(this::record, "Enregistrement de l'auscultation en cours (" + clipLength.toSeconds()
                + " s) : gardez le pavillon immobile");
    }

    private void record() throws IOException {
        try (AudioSource audio = opener.get()) {
            status(DeviceStatus.State.CONNECTED, (simulated ? "Simulateur — " : "") + "enregistrement en cours…");
            AudioCaptureFormat format = audio.format();
            long frames = clipLength.toMillis() * format.sampleRateHz() / 1000;
            int perRead = Math.max(1, format.sampleRateHz() / 10);
            ByteArrayOutputStream pcm = new ByteArrayOutputStream((int) (frames * format.frameBytes()));
            for (long done = 0; done < frames && !closed; ) {
                var chunk = audio.read((int) Math.min(perRead, frames - done));
                if (chunk == null) break;
                pcm.write(chunk.pcm16le());
                done += chunk.frameCount();
            }
            if (closed) return;
            store(new CapturedItem(identity, "AUDIO", CONTENT_TYPE,
                    WavWriter.toBytes(format.sampleRateHz(), format.channels(), pcm.toByteArray()),
                    "Auscultation, " + clipLength.toSeconds() + " s"),
                    (simulated ? "Simulateur — " : "") + "dernière auscultation enregistrée");
        } catch (DeviceMissing e) {
            throw (IOException) e.getCause();
        }
    }

    @Override
    protected String failureDiagnostic(Exception e) {
        if (e instanceof AudioDeviceUnavailableException u) {
            return switch (u.problem().code()) {
                case "audio.busy" -> "Stéthoscope occupé par un autre programme — fermez-le ou redémarrez la station";
                case "audio.no-pcm16" -> "Ce stéthoscope n'est pas pris en charge (format audio) — prévenez le support";
                default -> NOT_FOUND;
            };
        }
        return super.failureDiagnostic(e);
    }
}
