package org.telestation.devices.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Byte-level vectors written from the RIFF/WAVE layout (Microsoft "Multimedia Programming Interface and Data
 * Specifications 1.0", WAVE_FORMAT_PCM; WAVE_FORMAT_EXTENSIBLE from the Windows mmreg.h / KSDATAFORMAT_SUBTYPE_PCM).
 */
class WavReaderTest {
    private static final HexFormat HEX = HexFormat.of();

    /** 8 kHz mono, two samples: +1 and -1. RIFF size 36 + 4 = 0x28. */
    static final String MINIMAL = "52494646" + "28000000" + "57415645"
            + "666d7420" + "10000000" + "0100" + "0100" + "401f0000" + "803e0000" + "0200" + "1000"
            + "64617461" + "04000000" + "0100" + "ffff";

    @Test
    void reads_minimal_pcm16_mono_vector() throws Exception {
        WavAudio a = WavReader.read(HEX.parseHex(MINIMAL));
        assertThat(a.sampleRateHz()).isEqualTo(8000);
        assertThat(a.channels()).isEqualTo(1);
        assertThat(Pcm16.toShorts(a.pcm16le())).containsExactly((short) 1, (short) -1);
        assertThat(a.truncated()).isFalse();
    }

    @Test
    void writer_produces_exactly_the_vector() {
        assertThat(HEX.formatHex(WavWriter.toBytes(8000, 1, HEX.parseHex("0100ffff")))).isEqualTo(MINIMAL);
    }

    @Test
    void skips_odd_sized_unknown_chunk_with_its_pad_byte() throws Exception {
        // a 3-byte "LIST" chunk (+1 pad byte) between fmt and data
        String withList = MINIMAL.replace("64617461", "4c495354" + "03000000" + "616263" + "00" + "64617461");
        WavAudio a = WavReader.read(HEX.parseHex(withList));
        assertThat(Pcm16.toShorts(a.pcm16le())).containsExactly((short) 1, (short) -1);
    }

    @Test
    void reads_wave_format_extensible_pcm_stereo() throws Exception {
        String fmt = "666d7420" + "28000000" + "feff" + "0200" + "44ac0000" + "10b10200" + "0400" + "1000"
                + "1600" + "1000" + "03000000" + "01000000" + "000010008000" + "00aa00389b71";
        String data = "64617461" + "08000000" + "0100" + "0200" + "0300" + "0400";
        String riff = "52494646" + "00000000" + "57415645" + fmt + data; // RIFF size left 0, as some writers do
        WavAudio a = WavReader.read(HEX.parseHex(riff));
        assertThat(a.sampleRateHz()).isEqualTo(44100);
        assertThat(a.channels()).isEqualTo(2);
        assertThat(a.frameCount()).isEqualTo(2);
    }

    @Test
    void data_longer_than_the_file_is_cut_to_whole_frames_and_marked_truncated() throws Exception {
        String lying = MINIMAL.replace("6461746104000000", "64617461ffffffff") + "05"; // 5 bytes present
        WavAudio a = WavReader.read(HEX.parseHex(lying));
        assertThat(a.truncated()).isTrue();
        assertThat(a.pcm16le()).hasSize(4);
    }

    @Test
    void refuses_non_pcm16_and_broken_headers_with_the_declared_error() {
        assertThatThrownBy(() -> WavReader.read(HEX.parseHex(MINIMAL.replace("02001000", "01000800"))))
                .isInstanceOf(WavFormatException.class).hasMessageContaining("16-bit");
        assertThatThrownBy(() -> WavReader.read(HEX.parseHex(MINIMAL.replace("0100010040", "0300010040"))))
                .isInstanceOf(WavFormatException.class).hasMessageContaining("not PCM");
        assertThatThrownBy(() -> WavReader.read(HEX.parseHex(MINIMAL.replace("666d742010000000", "666d7420ffffff7f"))))
                .isInstanceOf(WavFormatException.class).hasMessageContaining("fmt chunk size");
        assertThatThrownBy(() -> WavReader.read(HEX.parseHex("52494646")))
                .isInstanceOf(WavFormatException.class);
        assertThatThrownBy(() -> WavReader.read(HEX.parseHex(MINIMAL.substring(0, 72))))
                .isInstanceOf(WavFormatException.class).hasMessageContaining("no data chunk");
    }

    @Test
    void stream_larger_than_the_bound_is_refused_without_reading_it_all() {
        byte[] big = new byte[4096];
        assertThatThrownBy(() -> WavReader.read(new ByteArrayInputStream(big), 1024))
                .isInstanceOf(WavFormatException.class).hasMessageContaining("larger than 1024");
    }

    @Test
    void streamed_recording_round_trips_and_a_crashed_one_reads_as_truncated(@TempDir Path dir) throws Exception {
        byte[] pcm = new HeartSoundSimulator(4000, 72, true, 7).next(8000);
        Path file = dir.resolve("rec.wav");
        try (WavWriter w = WavWriter.open(file, 4000, 1)) {
            w.append(java.util.Arrays.copyOfRange(pcm, 0, 6000));
            w.append(java.util.Arrays.copyOfRange(pcm, 6000, pcm.length));
        }
        WavAudio a = WavReader.read(file);
        assertThat(a.pcm16le()).isEqualTo(pcm);
        assertThat(a.truncated()).isFalse();
        assertThat(Files.size(file)).isEqualTo(44 + pcm.length);

        Path crashed = dir.resolve("crashed.wav");
        WavWriter w = WavWriter.open(crashed, 4000, 1);
        w.append(pcm); // never closed: header still says "unknown length"
        WavAudio c = WavReader.read(crashed);
        assertThat(c.truncated()).isTrue();
        assertThat(c.pcm16le()).isEqualTo(pcm);
        w.close();
    }
}
