package org.telestation.devices.ble.gatt;

import java.util.HexFormat;

/** Test vectors are written as in standards.md: hex bytes, spaces allowed. */
final class Hex {
    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }
}
