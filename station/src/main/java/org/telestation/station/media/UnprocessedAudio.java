package org.telestation.station.media;

import dev.onvoid.webrtc.media.audio.AudioOptions;
import dev.onvoid.webrtc.media.audio.AudioProcessingConfig;

/**
 * The stethoscope track must reach the doctor as the chest piece heard it (product brief, workflow 3): no echo
 * cancellation, no noise suppression, no automatic gain control, no high-pass filter (it would cut the low heart
 * sounds, 20–150 Hz).
 *
 * <p>Two layers keep it so. The samples enter WebRTC through a {@code CustomAudioSource}, which hands them to the
 * encoder without passing the audio processing module (that module only sits on the sound-card capture path); and the
 * factory is built with an audio processing module configured by {@link #config()}, so even audio captured by the
 * device module would pass untouched. ({@code AudioProcessing.processStream} of webrtc-java 0.14.0 returns no samples,
 * so the module cannot be checked bit for bit from Java; {@code ClinicalMediaTest} checks the configuration.)
 */
public final class UnprocessedAudio {
    private UnprocessedAudio() {
    }

    /** Audio processing with every stage off. */
    public static AudioProcessingConfig config() {
        AudioProcessingConfig c = new AudioProcessingConfig();
        c.echoCanceller.enabled = false;
        c.echoCanceller.enforceHighPassFiltering = false;
        c.noiseSuppression.enabled = false;
        c.gainControl.enabled = false;
        c.gainControl.adaptiveDigital.enabled = false;
        c.gainControl.fixedDigital.gainDb = 0;
        c.highPassFilter.enabled = false;
        return c;
    }

    /** The same, as the per-source options of the media-stream constraints. */
    public static AudioOptions options() {
        AudioOptions o = new AudioOptions();
        o.echoCancellation = false;
        o.noiseSuppression = false;
        o.autoGainControl = false;
        o.highpassFilter = false;
        return o;
    }

    /** True when no stage of {@code c} alters the signal. */
    public static boolean isOff(AudioProcessingConfig c) {
        return !c.echoCanceller.enabled && !c.noiseSuppression.enabled && !c.gainControl.enabled
                && !c.gainControl.adaptiveDigital.enabled && c.gainControl.fixedDigital.gainDb == 0
                && !c.highPassFilter.enabled;
    }

    public static boolean isOff(AudioOptions o) {
        return !o.echoCancellation && !o.noiseSuppression && !o.autoGainControl && !o.highpassFilter;
    }
}
