package org.telestation.devices.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.telestation.devices.audio.MixerSelector.MixerCandidate;
import org.telestation.devices.model.AudioChunk;

/** What can be tested of capture without a sound card: format choice, mixer choice, the no-device path. */
class CaptureTest {
    private static AudioFormat pcm(float rate, int bits, int channels, boolean bigEndian) {
        return new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, rate, bits, channels, channels * bits / 8, rate, bigEndian);
    }

    @Test
    void picks_native_rate_16_bit_and_requested_channels() {
        List<AudioFormat> usbStethoscope = List.of(pcm(44100, 16, 1, false), pcm(48000, 16, 1, false),
                pcm(96000, 16, 1, false), pcm(48000, 24, 1, false), pcm(48000, 16, 2, false));
        assertThat(CaptureFormatNegotiator.negotiate(usbStethoscope, 1, 0))
                .contains(new AudioCaptureFormat(48000, 1, false)); // highest ≤ 48 kHz, not 96 kHz
        assertThat(CaptureFormatNegotiator.negotiate(usbStethoscope, 1, 44100))
                .contains(new AudioCaptureFormat(44100, 1, false));
        assertThat(CaptureFormatNegotiator.negotiate(usbStethoscope, 2, 44100))
                .contains(new AudioCaptureFormat(48000, 2, false)); // 44.1 kHz not native in stereo: no resampling
        assertThat(CaptureFormatNegotiator.negotiate(usbStethoscope, 1, 8000))
                .contains(new AudioCaptureFormat(48000, 1, false)); // preferred rate not offered natively
    }

    @Test
    void falls_back_to_other_channel_count_big_endian_or_any_rate_and_refuses_8_bit_or_float() {
        assertThat(CaptureFormatNegotiator.negotiate(List.of(pcm(16000, 16, 2, false)), 1, 0))
                .contains(new AudioCaptureFormat(16000, 2, false));
        assertThat(CaptureFormatNegotiator.negotiate(List.of(pcm(96000, 16, 1, true), pcm(192000, 16, 1, true)), 1, 0))
                .contains(new AudioCaptureFormat(96000, 1, true)); // nothing ≤ 48 kHz: lowest offered
        assertThat(CaptureFormatNegotiator.negotiate(
                List.of(pcm(AudioSystem.NOT_SPECIFIED, 16, AudioSystem.NOT_SPECIFIED, false)), 1, 0))
                .contains(new AudioCaptureFormat(44100, 1, false));
        assertThat(CaptureFormatNegotiator.negotiate(List.of(pcm(48000, 8, 1, false),
                new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, 48000, 32, 1, 4, 48000, false)), 1, 0)).isEmpty();
    }

    @Test
    void selects_mixer_by_name_preferring_direct_hardware() {
        List<MixerCandidate> mixers = List.of(
                new MixerCandidate("Port Thinklabs [hw:2]", "ALSA", "port", false),
                new MixerCandidate("PulseAudio Mixer", "Pulse", "default", true),
                new MixerCandidate("Thinklabs One [plughw:2,0]", "ALSA (http://www.alsa-project.org)", "Direct Audio Device", true),
                new MixerCandidate("Thinklabs One [hw:2,0]", "ALSA (http://www.alsa-project.org)", "Direct Audio Device", true),
                new MixerCandidate("USB Audio Device [hw:3,0]", "ALSA", "Direct Audio Device", true));
        assertThat(MixerSelector.select(mixers, "thinklabs")).get().extracting(MixerCandidate::name)
                .isEqualTo("Thinklabs One [hw:2,0]");
        assertThat(MixerSelector.select(mixers, null)).get().extracting(MixerCandidate::name)
                .isEqualTo("USB Audio Device [hw:3,0]");
        assertThat(MixerSelector.select(mixers, "pulse")).get().extracting(MixerCandidate::name)
                .isEqualTo("PulseAudio Mixer");
        assertThat(MixerSelector.select(mixers, "eko")).isEmpty();
    }

    @Test
    void opening_a_missing_stethoscope_fails_with_a_nurse_diagnostic() {
        assumeTrue(MixerSelector.select(JavaSoundAudioSource.captureMixers(), "no-such-stethoscope-xyz").isEmpty());
        assertThatThrownBy(() -> JavaSoundAudioSource.open("no-such-stethoscope-xyz", 1, 0, Clock.systemUTC()))
                .isInstanceOfSatisfying(AudioDeviceUnavailableException.class, e -> {
                    assertThat(e.problem().code()).isEqualTo("audio.no-device");
                    assertThat(e.problem().nurseDiagnostic()).contains("Stethoscope not found");
                });
    }

    @Test
    void simulated_source_stamps_chunks_by_sample_count() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
        try (SimulatedAudioSource src = new SimulatedAudioSource(new HeartSoundSimulator(4000, 72, false, 1), clock, false)) {
            AudioChunk a = src.read(2000);
            AudioChunk b = src.read(2000);
            assertThat(a.frameCount()).isEqualTo(2000);
            assertThat(b.startTime()).isEqualTo(Instant.parse("2026-11-22T10:00:00.500Z"));
            assertThat(src.format()).isEqualTo(new AudioCaptureFormat(4000, 1, false));
            src.close();
            assertThat(src.read(10)).isNull();
        }
    }
}
