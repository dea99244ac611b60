package org.telestation.station.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Candidate lines as libwebrtc and Chromium write them (RFC 8839 §5.1). */
class IceAddressFamiliesTest {
    static final String V4 = "candidate:2657213423 1 udp 2122260223 192.0.2.2 50139 typ host generation 0 ufrag Xy9b";
    static final String V6 = "candidate:3722410151 1 udp 2122262783 fd00::2 43307 typ host generation 0 ufrag Xy9b";
    static final String MDNS = "candidate:1 1 udp 2113937151 4b7a4a36-0c5e-4a1b-9a3e-1f0f1b2c3d4e.local 51234 typ host";

    @Test
    void settingIsParsed() {
        assertThat(IceAddressFamilies.parse(null)).isEqualTo(IceAddressFamilies.ALL);
        assertThat(IceAddressFamilies.parse(" ipv4 , IPv6 ")).isEqualTo(IceAddressFamilies.ALL);
        assertThat(IceAddressFamilies.parse("ipv4")).isEqualTo(IceAddressFamilies.IPV4_ONLY);
        assertThatThrownBy(() -> IceAddressFamilies.parse("ipv6")).hasMessageContaining("ipv4,ipv6 or ipv4");
    }

    @Test
    void ipv4OnlyRefusesIpv6CandidatesAndKeepsTheOthers() {
        IceAddressFamilies v4 = IceAddressFamilies.IPV4_ONLY;
        assertThat(v4.allows(V4)).isTrue();
        assertThat(v4.allows(V6)).isFalse();
        assertThat(v4.allows("a=" + V6)).isFalse();
        assertThat(v4.allows(MDNS)).as("an mDNS name is resolved by libwebrtc").isTrue();
        assertThat(v4.allows("garbage")).isTrue();
        assertThat(IceAddressFamilies.ALL.allows(V6)).isTrue();
    }

    @Test
    void ipv4OnlyStripsIpv6CandidateLinesFromTheSdp() {
        String sdp = String.join("\r\n", "v=0", "m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=" + V4, "a=" + V6,
                "a=end-of-candidates", "");
        assertThat(IceAddressFamilies.IPV4_ONLY.filterSdp(sdp)).isEqualTo(String.join("\r\n", "v=0",
                "m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=" + V4, "a=end-of-candidates", ""));
        assertThat(IceAddressFamilies.ALL.filterSdp(sdp)).isEqualTo(sdp);
    }
}
