package org.telestation.devices.audio;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the capture mixer for the stethoscope by name. Java Sound names ALSA devices after the card, e.g.
 * "Stethoscope [plughw:2,0]" or "USB Audio Device [hw:1,0]"; the station is configured with a fragment of that name.
 * <p>
 * Order of preference: a mixer whose name contains the fragment (case-insensitive) and that opens the hardware
 * directly ({@code [hw:…]}: no ALSA plugin that could resample), then one through a plugin ({@code plughw}), then
 * vendor or description matches. With no fragment configured, the first capture-capable mixer whose name says
 * "USB" is taken, since the cart's only USB audio device is the stethoscope.
 */
public final class MixerSelector {
    /** What the selector needs to know about a mixer; built from {@code javax.sound.sampled.Mixer.Info}. */
    public record MixerCandidate(String name, String vendor, String description, boolean canCapture) {
    }

    private MixerSelector() {
    }

    public static Optional<MixerCandidate> select(List<MixerCandidate> mixers, String nameFragment) {
        String wanted = nameFragment == null || nameFragment.isBlank() ? "usb" : nameFragment.toLowerCase(Locale.ROOT);
        MixerCandidate best = null;
        int bestScore = 0;
        for (MixerCandidate m : mixers) {
            if (!m.canCapture()) continue;
            int score = score(m, wanted);
            if (score > bestScore) {
                best = m;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int score(MixerCandidate m, String wanted) {
        String name = lower(m.name());
        if (name.contains(wanted)) {
            if (name.contains("[hw:")) return 4;
            if (name.contains("[plughw:")) return 3;
            return 2;
        }
        if (lower(m.vendor()).contains(wanted) || lower(m.description()).contains(wanted)) return 1;
        return 0;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
