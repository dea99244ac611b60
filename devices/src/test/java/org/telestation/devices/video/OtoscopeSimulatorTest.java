package org.telestation.devices.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.telestation.devices.model.DeviceUnavailableException;
import org.telestation.devices.model.ImageFrame;

class OtoscopeSimulatorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    private static OtoscopeSimulator sim(int disconnectAfter) {
        return new OtoscopeSimulator(new VideoMode(320, 240, 25), 1280, 960, CLOCK, false, 1, disconnectAfter);
    }

    @Test
    void live_frames_are_i420_at_the_mode_and_stamped_at_the_frame_rate() throws Exception {
        try (OtoscopeSimulator s = sim(-1)) {
            ImageFrame f0 = s.nextFrame();
            ImageFrame f1 = s.nextFrame();
            assertThat(f0.format()).isEqualTo(VideoSource.I420_FORMAT);
            assertThat(f0.data()).hasSize(320 * 240 * 3 / 2);
            assertThat(f0.still()).isFalse();
            assertThat(f1.captureTime()).isEqualTo(Instant.parse("2026-11-22T10:00:00.040Z"));
        }
    }

    @Test
    void picture_shows_a_dark_surround_red_canal_and_grey_membrane() throws Exception {
        try (OtoscopeSimulator s = sim(-1)) {
            ImageFrame f = s.nextFrame();
            int corner = I420.rgbAt(f.data(), 320, 240, 2, 2);
            int canal = I420.rgbAt(f.data(), 320, 240, 160 - 90, 120);   // 0.8 R left of centre
            int membrane = I420.rgbAt(f.data(), 320, 240, 150, 130);
            assertThat(brightness(corner)).isLessThan(30);
            assertThat(red(canal)).isGreaterThan(green(canal) + 40);
            assertThat(Math.abs(red(membrane) - green(membrane))).isLessThan(30);
            assertThat(brightness(membrane)).isGreaterThan(120);
        }
    }

    @Test
    void the_timestamp_moves_between_frames_and_only_the_timestamp_when_the_tremor_is_back_in_phase() throws Exception {
        try (OtoscopeSimulator s = sim(-1)) {
            Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
            int[] a = s.render(640, 480, t0);
            assertThat(s.render(640, 480, t0)).isEqualTo(a);
            // the tremor (0.5 Hz and 0.7 Hz) repeats every 10 s: only the stamp differs
            int[] c = s.render(640, 480, t0.plusSeconds(10));
            int digitH = 480 / 24, top = 480 - digitH - digitH / 2;
            int inStamp = 0, elsewhere = 0;
            for (int i = 0; i < a.length; i++) {
                if (a[i] == c[i]) continue;
                int y = i / 640;
                if (y >= top && y < top + digitH) inStamp++; else elsewhere++;
            }
            assertThat(inStamp).as("pixels of the time stamp that changed").isGreaterThan(40);
            assertThat(elsewhere).isZero();
            // and the picture itself moves with the hand tremor
            assertThat(s.render(640, 480, t0.plusMillis(500))).isNotEqualTo(a);
        }
    }

    @Test
    void still_is_a_full_resolution_jpeg() throws Exception {
        try (OtoscopeSimulator s = sim(-1)) {
            ImageFrame still = s.captureStill();
            assertThat(still.still()).isTrue();
            assertThat(still.format()).isEqualTo("image/jpeg");
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(still.data()));
            assertThat(img.getWidth()).isEqualTo(1280);
            assertThat(img.getHeight()).isEqualTo(960);
        }
    }

    @Test
    void disconnect_fault_tells_the_nurse_what_to_check() throws Exception {
        try (OtoscopeSimulator s = sim(2)) {
            s.nextFrame();
            s.nextFrame();
            assertThatThrownBy(s::nextFrame).isInstanceOfSatisfying(DeviceUnavailableException.class,
                    e -> assertThat(e.problem().nurseDiagnostic()).contains("USB cable"));
            assertThatThrownBy(s::captureStill).isInstanceOf(DeviceUnavailableException.class);
        }
    }

    @Test
    void i420_round_trips_a_flat_colour_within_rounding() {
        int[] rgb = new int[16];
        java.util.Arrays.fill(rgb, 0xC87864);
        int back = I420.rgbAt(I420.fromRgb(rgb, 4, 4), 4, 4, 1, 1);
        assertThat(red(back)).isCloseTo(0xC8, org.assertj.core.data.Offset.offset(3));
        assertThat(green(back)).isCloseTo(0x78, org.assertj.core.data.Offset.offset(3));
        assertThat(back & 0xFF).isCloseTo(0x64, org.assertj.core.data.Offset.offset(3));
    }

    @Test
    void video_mode_refuses_odd_sizes() {
        assertThatThrownBy(() -> new VideoMode(641, 480, 30)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int red(int rgb) { return rgb >> 16 & 0xFF; }
    private static int green(int rgb) { return rgb >> 8 & 0xFF; }
    private static int brightness(int rgb) { return (red(rgb) + green(rgb) + (rgb & 0xFF)) / 3; }
}
