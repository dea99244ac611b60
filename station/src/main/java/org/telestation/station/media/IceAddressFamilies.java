package org.telestation.station.media;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which IP address families the clinical-media publisher uses for ICE ({@code telestation.media.ice-address-families}:
 * {@code ipv4,ipv6}, the default, or {@code ipv4}). libwebrtc always gathers IPv6 and webrtc-java exposes no switch to
 * stop it (docs/decisions/0007-webrtc-loopback.md), so with {@code ipv4} the publisher neither sends its own IPv6
 * candidates nor takes the viewer's: with no IPv6 candidate on either side, no IPv6 pair can form — not even a
 * peer-reflexive one, as neither end then sends checks over IPv6. For sites whose IPv6 is broken or filtered, and
 * for the tests on a machine whose only IPv6 address is a private one.
 */
public enum IceAddressFamilies {
    ALL, IPV4_ONLY;

    public static IceAddressFamilies parse(String setting) {
        if (setting == null || setting.isBlank()) return ALL;
        var families = Arrays.stream(setting.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        if (families.equals(java.util.Set.of("ipv4"))) return IPV4_ONLY;
        if (families.equals(java.util.Set.of("ipv4", "ipv6"))) return ALL;
        throw new IllegalArgumentException("telestation.media.ice-address-families: ipv4,ipv6 or ipv4, not "
                + setting);
    }

    /** Whether a candidate ({@code candidate:…} or {@code a=candidate:…}, RFC 8839 §5.1) may be used. */
    public boolean allows(String candidate) {
        if (this == ALL || candidate == null) return true;
        String[] fields = candidate.strip().split(" ");
        // foundation component transport priority connection-address port "typ" type …
        if (fields.length < 5) return true; // not a candidate line: libwebrtc judges it
        String address = fields[4];
        // An IPv6 literal has colons; an mDNS name (…​.local) or an IPv4 address has none.
        return address.indexOf(':') < 0;
    }

    /** The SDP without the candidate lines this policy refuses. */
    public String filterSdp(String sdp) {
        if (this == ALL || sdp == null) return sdp;
        return Arrays.stream(sdp.split("\r\n", -1))
                .filter(line -> !line.startsWith("a=candidate:") || allows(line))
                .collect(Collectors.joining("\r\n"));
    }
}
