package org.telestation.server.consultation;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.Set;

/**
 * The station's non-scalar payloads (DICOM ECG, JPEG/PNG still, WAV clip) become drafts: whatever the bytes, each
 * reader of {@link MediaDrafts} returns facts that fit their columns (positive sizes, a known served type, the
 * payload's real length) or null (kept as UNREADABLE), and serving never throws. Corpus under
 * src/test/resources/org/telestation/server/consultation/MediaDraftFuzzTestInputs/{ecg,image,audio}/.
 */
class MediaDraftFuzzTest {
    private static final Instant CAPTURED = Instant.parse("2026-11-22T10:00:00Z");
    private static final Set<String> SERVED = Set.of(MediaDrafts.DICOM, MediaDrafts.JPEG, MediaDrafts.PNG,
            MediaDrafts.WAV);

    @FuzzTest(maxDuration = "60s")
    void ecg(byte[] payload) {
        MediaDrafts.Parsed p = MediaDrafts.ecg(payload, CAPTURED);
        var view = MediaDrafts.ecgView(payload);
        if (p == null) {
            if (view != null) throw new AssertionError("drawable but not a draft");
            return;
        }
        check(p, payload);
        if (p.media().channels() == null || p.media().channels() < 1) throw new AssertionError("no lead: " + p);
        if (!(p.media().sampleRateHz() > 0)) throw new AssertionError("no rate: " + p);
        if (p.device() != null && p.device().length() > 200) throw new AssertionError("device does not fit: " + p);
    }

    @FuzzTest(maxDuration = "60s")
    void image(byte[] payload) {
        MediaDrafts.Parsed p = MediaDrafts.image(payload, "image/jpeg; laterality=R", CAPTURED);
        if (p == null) return;
        check(p, payload);
        if (p.media().width() == null || p.media().width() < 1 || p.media().height() == null
                || p.media().height() < 1) {
            throw new AssertionError("bad size: " + p);
        }
        if (!MediaDrafts.RIGHT_EYE.equals(p.media().bodySite())) throw new AssertionError("laterality lost: " + p);
    }

    @FuzzTest(maxDuration = "60s")
    void audio(byte[] payload) {
        MediaDrafts.Parsed p = MediaDrafts.audio(payload, CAPTURED);
        byte[] served = MediaDrafts.servedWav(payload);
        if (p == null) {
            if (served != null) throw new AssertionError("served but not a draft");
            return;
        }
        check(p, payload);
        if (served == null || served.length < 44) throw new AssertionError("a readable clip must be servable");
    }

    private static void check(MediaDrafts.Parsed p, byte[] payload) {
        if (!SERVED.contains(p.media().contentType())) throw new AssertionError("type: " + p);
        if (p.media().sizeBytes() != payload.length) throw new AssertionError("size: " + p);
        if (p.media().durationMs() != null && p.media().durationMs() < 0) throw new AssertionError("duration: " + p);
        if (p.effectiveAt() == null) throw new AssertionError("no time: " + p);
    }
}
