package org.telestation.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telestation.devices.video.OtoscopeSimulator;
import org.telestation.devices.video.VideoMode;
import org.telestation.station.link.ControlMessage;
import org.telestation.station.outbox.Outbox;
import org.telestation.station.outbox.OutboxItem;
import org.telestation.station.source.OtoscopeSource;

/**
 * The doctor's SNAPSHOT request is carried out by the station itself when the examination camera runs: a
 * full-resolution JPEG lands in the outbox as an IMAGE item and the nurse's list says it was automatic; without a
 * running camera the request is the nurse's, as any other.
 */
class DoctorRequestsTest {
    @TempDir Path dir;

    private static ControlMessage request(String id, String kind) {
        return ControlMessage.parse("{\"type\":\"measurement-request\",\"id\":\"" + id + "\",\"kind\":\"" + kind
                + "\",\"requestedAt\":1700000000000}").orElseThrow();
    }

    @Test
    void aRunningCameraTakesTheDoctorsSnapshotAtFullResolutionWithoutTheNurse() throws Exception {
        Clock clock = Clock.systemUTC();
        try (Outbox outbox = new Outbox(dir.resolve("outbox.db"), clock, 100, 0);
             OtoscopeSource otoscope = new OtoscopeSource(new OtoscopeSimulator(new VideoMode(320, 240, 30), 1280, 960,
                     clock, false, 3, -1), true, clock)) {
            StationHub hub = new StationHub(outbox, clock);
            DoctorRequests requests = new DoctorRequests(hub::snapshotWithConnectedCamera);

            // Not started yet: no connected camera, so the nurse is asked.
            hub.attach(otoscope);
            assertThat(requests.accept(request("r1", "SNAPSHOT"))).isTrue();
            assertThat(requests.recent().get(0).automatic()).isFalse();

            otoscope.start(hub);
            assertThat(requests.accept(request("r2", "BLOOD_PRESSURE"))).isTrue();
            assertThat(requests.accept(request("r3", "SNAPSHOT"))).isTrue();
            assertThat(requests.recent()).extracting(DoctorRequests.Request::automatic)
                    .containsExactly(false, false, true);

            long deadline = System.nanoTime() + 20_000_000_000L;
            List<OutboxItem> items = outbox.recent(10);
            while (items.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
                items = outbox.recent(10);
            }
            assertThat(items).hasSize(1);
            OutboxItem still = items.get(0);
            assertThat(still.kind()).isEqualTo("IMAGE");
            assertThat(still.contentType()).isEqualTo("image/jpeg");
            assertThat(still.stream()).isEqualTo(otoscope.identity().id());
            assertThat(ImageIO.read(new ByteArrayInputStream(still.payload())).getWidth()).isEqualTo(1280);
        }
    }

    @Test
    void withoutCameraEveryRequestIsTheNursesAndAFailingCameraChangesNothing() {
        DoctorRequests none = new DoctorRequests();
        assertThat(none.accept(request("a", "SNAPSHOT"))).isTrue();
        DoctorRequests broken = new DoctorRequests(() -> {
            throw new IllegalStateException("camera gone");
        });
        assertThat(broken.accept(request("b", "SNAPSHOT"))).isTrue();
        assertThat(none.recent().get(0).automatic()).isFalse();
        assertThat(broken.recent().get(0).automatic()).isFalse();
        assertThat(broken.recent().get(0).kind()).isEqualTo("SNAPSHOT");
    }
}
