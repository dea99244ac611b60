package org.telestation.devices.ecg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telestation.devices.model.WaveformChunk;

class EcgRecordingTest {
    @Test
    void convertsToWaveformChunksInMillivolts() {
        EcgRecording r = TestRecordings.twelveLead();
        List<WaveformChunk> chunks = r.toWaveformChunks(Instant.EPOCH);
        assertThat(chunks).hasSize(12);
        WaveformChunk ii = chunks.get(1);
        assertThat(ii.channel()).isEqualTo("II");
        assertThat(ii.startTime()).isEqualTo(r.acquisitionTime());
        assertThat(ii.sampleRateHz()).isEqualTo(500);
        assertThat(ii.unit()).isEqualTo("mV");
        for (int i = 0; i < 5000; i += 97) {
            assertThat(ii.physical(i)).isCloseTo(r.lead(EcgLead.II).microvolts(i) / 1000, within(1e-9));
        }
        assertThat(r.duration().toMillis()).isEqualTo(10_000);
    }

    @Test
    void requantisesChannelsBeyondInt16() {
        EcgChannel wide = new EcgChannel(EcgLead.I, "I", new int[] {100_000, -100_000, 3}, 1, 0);
        EcgChannel narrow = wide.toInt16Range();
        assertThat(narrow.microvoltsPerUnit()).isEqualTo(4);
        assertThat(narrow.samples()).containsExactly(25_000, -25_000, 0);
        WaveformChunk chunk = new EcgRecording(List.of(wide), 500, null, null, null).toWaveformChunks(Instant.EPOCH).get(0);
        assertThat(chunk.physical(0)).isCloseTo(100.0, within(1e-9));
        assertThat(chunk.startTime()).isEqualTo(Instant.EPOCH);
    }
}
