package org.telestation.station.media;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rewrites the Opus parameters of the viewer's answer before the station applies it, so the stethoscope is encoded
 * for fidelity rather than for speech.
 *
 * <p>Why: libwebrtc encodes mono Opus in its VOIP mode, whose variable high-pass filter (cut-off around 60 Hz and up)
 * attenuates the low heart sounds — measured here: a 50 Hz tone arrives 4.8 dB down, 100 Hz 0.3 dB, 440 Hz unchanged.
 * With {@code stereo=1} in the answer libwebrtc encodes in Opus's AUDIO mode, which only removes DC (3 Hz). A higher
 * {@code maxaveragebitrate} keeps the murmurs' noise-like detail. The viewer decodes stereo Opus natively; the mono
 * stethoscope is sent on both channels.
 *
 * <p>Only the {@code a=fmtp} line of the Opus payload type changes; an SDP without Opus, or one that cannot be read,
 * is returned unchanged. Never throws.
 */
final class OpusClinicalParameters {
    static final int MAX_AVERAGE_BITRATE = 128_000;
    static final int MAX_SDP_CHARS = 64 * 1024;

    private OpusClinicalParameters() {
    }

    static String apply(String sdp) {
        if (sdp == null || sdp.length() > MAX_SDP_CHARS) return sdp;
        String eol = sdp.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(List.of(sdp.split("\r?\n", -1)));
        String opusPayload = null;
        int rtpmapIndex = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("a=rtpmap:") && line.toLowerCase(Locale.ROOT).contains(" opus/48000")) {
                String pt = line.substring("a=rtpmap:".length(), line.indexOf(' '));
                if (!pt.isEmpty() && pt.length() <= 3 && pt.chars().allMatch(Character::isDigit)) {
                    opusPayload = pt;
                    rtpmapIndex = i;
                    break;
                }
            }
        }
        if (opusPayload == null) return sdp;
        String prefix = "a=fmtp:" + opusPayload + " ";
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                lines.set(i, prefix + withClinicalParameters(lines.get(i).substring(prefix.length())));
                return String.join(eol, lines);
            }
        }
        lines.add(rtpmapIndex + 1, prefix + withClinicalParameters(""));
        return String.join(eol, lines);
    }

    private static String withClinicalParameters(String parameters) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String kv : parameters.split(";")) {
            String t = kv.trim();
            if (t.isEmpty()) continue;
            int eq = t.indexOf('=');
            if (eq <= 0) {
                p.put(t, null);
            } else {
                p.put(t.substring(0, eq), t.substring(eq + 1));
            }
        }
        p.put("stereo", "1");
        p.put("maxaveragebitrate", String.valueOf(MAX_AVERAGE_BITRATE));
        StringBuilder out = new StringBuilder();
        for (var e : p.entrySet()) {
            if (out.length() > 0) out.append(';');
            out.append(e.getKey());
            if (e.getValue() != null) out.append('=').append(e.getValue());
        }
        return out.toString();
    }
}
