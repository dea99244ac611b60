package org.telestation.devices.audio;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;

import org.telestation.devices.model.AudioChunk;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;
import org.telestation.devices.model.DeviceProblem;

/**
 * A USB audio class stethoscope read through javax.sound.sampled (ALSA underneath on Linux). Opens the mixer chosen
 * by {@link MixerSelector} at the format chosen by {@link CaptureFormatNegotiator}; Java Sound applies no gain
 * control, noise suppression or echo cancellation, so the samples are the device's own.
 * <p>
 * Not testable on machines without a sound card: opening fails with {@link AudioDeviceUnavailableException}
 * ("audio.no-device"), which the tests check.
 */
public final class JavaSoundAudioSource implements AudioSource {
    private final DeviceIdentity device;
    private final AudioCaptureFormat format;
    private final TargetDataLine line;
    private final Clock clock;

    private JavaSoundAudioSource(DeviceIdentity device, AudioCaptureFormat format, TargetDataLine line, Clock clock) {
        this.device = device;
        this.format = format;
        this.line = line;
        this.clock = clock;
    }

    /** The capture-capable mixers Java Sound sees, for {@link MixerSelector} and for diagnostics. */
    public static List<MixerSelector.MixerCandidate> captureMixers() {
        List<MixerSelector.MixerCandidate> out = new ArrayList<>();
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            boolean capture;
            try {
                capture = AudioSystem.getMixer(info).getTargetLineInfo().length > 0;
            } catch (RuntimeException e) {
                capture = false; // a mixer that cannot even describe itself is not usable
            }
            out.add(new MixerSelector.MixerCandidate(info.getName(), info.getVendor(), info.getDescription(), capture));
        }
        return out;
    }

    /**
     * Opens the stethoscope.
     *
     * @param nameFragment part of the mixer name to look for (null: the first USB capture device)
     * @param channels     1 or 2 wanted
     * @param preferredRate a rate to use if the device offers it natively, or 0
     */
    public static JavaSoundAudioSource open(String nameFragment, int channels, int preferredRate, Clock clock)
            throws AudioDeviceUnavailableException {
        List<MixerSelector.MixerCandidate> mixers = captureMixers();
        MixerSelector.MixerCandidate chosen = MixerSelector.select(mixers, nameFragment).orElseThrow(() ->
                new AudioDeviceUnavailableException(new DeviceProblem("audio.no-device",
                        "Stethoscope not found: plug its USB cable into the cart and check it is switched on ("
                                + mixers.size() + " audio devices seen, none matching)")));
        Mixer.Info info = Arrays.stream(AudioSystem.getMixerInfo())
                .filter(i -> i.getName().equals(chosen.name())).findFirst()
                .orElseThrow(() -> new AudioDeviceUnavailableException(new DeviceProblem("audio.device-gone",
                        "Stethoscope disconnected while opening: plug it in again")));
        Mixer mixer = AudioSystem.getMixer(info);
        List<javax.sound.sampled.AudioFormat> formats = new ArrayList<>();
        for (javax.sound.sampled.Line.Info li : mixer.getTargetLineInfo()) {
            if (li instanceof DataLine.Info dli && TargetDataLine.class.isAssignableFrom(dli.getLineClass())) {
                formats.addAll(Arrays.asList(dli.getFormats()));
            }
        }
        AudioCaptureFormat format = CaptureFormatNegotiator.negotiate(formats, channels, preferredRate)
                .orElseThrow(() -> new AudioDeviceUnavailableException(new DeviceProblem("audio.no-pcm16",
                        "This audio device cannot deliver 16-bit sound: use the cart's stethoscope")));
        try {
            TargetDataLine line = (TargetDataLine) mixer.getLine(new DataLine.Info(TargetDataLine.class,
                    CaptureFormatNegotiator.toAudioFormat(format)));
            line.open(CaptureFormatNegotiator.toAudioFormat(format));
            line.start();
            DeviceIdentity identity = new DeviceIdentity(DeviceKind.STETHOSCOPE, info.getVendor(), info.getName(),
                    null, "javasound:" + info.getName());
            return new JavaSoundAudioSource(identity, format, line, clock);
        } catch (LineUnavailableException | IllegalArgumentException e) {
            throw new AudioDeviceUnavailableException(new DeviceProblem("audio.busy",
                    "Stethoscope in use by another program: close it, or unplug and replug the stethoscope"), e);
        }
    }

    @Override
    public DeviceIdentity device() {
        return device;
    }

    @Override
    public AudioCaptureFormat format() {
        return format;
    }

    @Override
    public AudioChunk read(int frames) throws IOException {
        if (!line.isOpen()) return null;
        byte[] buf = new byte[frames * format.frameBytes()];
        var start = clock.instant();
        int n = 0;
        while (n < buf.length && line.isOpen()) {
            int r = line.read(buf, n, buf.length - n);
            if (r <= 0) break;
            n += r;
        }
        if (n == 0) return null;
        n -= n % format.frameBytes();
        byte[] pcm = n == buf.length ? buf : Arrays.copyOf(buf, n);
        if (format.bigEndian()) Pcm16.swapBytes(pcm);
        return new AudioChunk(device, format.sampleRateHz(), format.channels(), start, pcm);
    }

    @Override
    public void close() {
        line.stop();
        line.close();
    }
}
