package org.telestation.station.link;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.telestation.station.outbox.OutboxUploader;

/**
 * What the server (or anything between it and the station) sends must never crash the agent: control messages on
 * the live link are ignored when they make no sense, and an unusable upload answer only makes the batch retry.
 * Corpus under src/test/resources/org/telestation/station/link/ServerInputFuzzTestInputs/.
 */
class ServerInputFuzzTest {
    private static final LiveLink LINK = new LiveLink(HttpClient.newHttpClient(), URI.create("http://localhost:1"),
            "x:y", Clock.systemUTC(), Duration.ofSeconds(5),
            new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), new Random()), m -> { });
    private static final List<String> SENT = List.of("k1", "k2", "k3");

    @FuzzTest(maxDuration = "60s")
    void controlMessage(String text) {
        LINK.handleText(text); // nothing may escape
        long offset = LINK.clockOffset().offsetMs();
        if (LINK.clockOffset().hasEstimate() && LINK.clockOffset().roundTripMs() < 0) {
            throw new AssertionError("negative round trip accepted, offset " + offset);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void uploadAnswer(FuzzedDataProvider data) {
        try {
            var answer = OutboxUploader.UploadAnswer.parse(data.consumeRemainingAsBytes(), SENT);
            int total = answer.acknowledged().size() + answer.rejected().size() + answer.unanswered().size();
            if (total != SENT.size()) throw new AssertionError("keys lost or invented: " + answer);
        } catch (OutboxUploader.UploadException expected) {
            // the declared error: the batch is retried
        }
    }
}
