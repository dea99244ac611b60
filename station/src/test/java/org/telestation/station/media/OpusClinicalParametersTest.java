package org.telestation.station.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Opus fmtp rewrite on answers shaped like Chromium's and on edge cases. */
class OpusClinicalParametersTest {
    private static final String CHROMIUM_AUDIO = String.join("\r\n",
            "v=0", "o=- 1 2 IN IP4 127.0.0.1", "s=-", "t=0 0",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9", "c=IN IP4 0.0.0.0",
            "a=rtpmap:111 opus/48000/2", "a=rtcp-fb:111 transport-cc", "a=fmtp:111 minptime=10;useinbandfec=1",
            "a=rtpmap:63 red/48000/2", "a=fmtp:63 111/111", "a=rtpmap:9 G722/8000", "");

    @Test
    void addsStereoAndBitrateToTheOpusLineOnly() {
        String out = OpusClinicalParameters.apply(CHROMIUM_AUDIO);
        assertThat(out).contains("\r\na=fmtp:111 minptime=10;useinbandfec=1;stereo=1;maxaveragebitrate=128000\r\n");
        assertThat(out).contains("\r\na=fmtp:63 111/111\r\n");
        assertThat(out.split("\r\n", -1)).hasSameSizeAs(CHROMIUM_AUDIO.split("\r\n", -1));
        assertThat(out.replace(";stereo=1;maxaveragebitrate=128000", "")).isEqualTo(CHROMIUM_AUDIO);
    }

    @Test
    void overridesExistingValuesAndIsIdempotent() {
        String sdp = CHROMIUM_AUDIO.replace("useinbandfec=1", "stereo=0;useinbandfec=1;maxaveragebitrate=20000");
        String once = OpusClinicalParameters.apply(sdp);
        assertThat(once).contains("a=fmtp:111 minptime=10;stereo=1;useinbandfec=1;maxaveragebitrate=128000\r\n");
        assertThat(OpusClinicalParameters.apply(once)).isEqualTo(once);
    }

    @Test
    void addsAnFmtpLineWhenOpusHasNone() {
        String sdp = "v=0\nm=audio 9 RTP/SAVPF 96\na=rtpmap:96 OPUS/48000/2\na=sendrecv\n";
        assertThat(OpusClinicalParameters.apply(sdp))
                .isEqualTo("v=0\nm=audio 9 RTP/SAVPF 96\na=rtpmap:96 OPUS/48000/2\n"
                        + "a=fmtp:96 stereo=1;maxaveragebitrate=128000\na=sendrecv\n");
    }

    @Test
    void leavesAnythingElseAlone() {
        String video = "v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\n";
        assertThat(OpusClinicalParameters.apply(video)).isEqualTo(video);
        assertThat(OpusClinicalParameters.apply("a=rtpmap:x opus/48000/2")).isEqualTo("a=rtpmap:x opus/48000/2");
        assertThat(OpusClinicalParameters.apply("a=rtpmap:111opus/48000/2")).isEqualTo("a=rtpmap:111opus/48000/2");
        assertThat(OpusClinicalParameters.apply("")).isEmpty();
        assertThat(OpusClinicalParameters.apply(null)).isNull();
    }
}
