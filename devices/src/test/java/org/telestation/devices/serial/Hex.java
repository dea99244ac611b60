package org.telestation.devices.serial;

/** Test vectors are written as hex strings, as in standards.md. */
public final class Hex {
    private Hex() {
    }

    /** "01 81 43" or "018143" → bytes. */
    public static byte[] bytes(String hex) {
        String h = hex.replaceAll("\\s+", "");
        byte[] out = new byte[h.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    public static String of(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(String.format("%02X", b & 0xFF));
        }
        return sb.toString();
    }

    /** Feeds bytes one at a time, the worst chunking a port can produce. */
    public static void feedByteByByte(StreamDecoder decoder, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            decoder.accept(bytes, i, 1);
        }
    }

    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
