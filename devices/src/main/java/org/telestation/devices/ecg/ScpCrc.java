package org.telestation.devices.ecg;

/**
 * CRC-CCITT as SCP-ECG uses it for the record and for every section: polynomial 0x1021, initial value 0xFFFF,
 * no reflection, no final XOR (the "CRC-16/CCITT-FALSE" parameter set; check value 0x29B1 for "123456789").
 */
public final class ScpCrc {
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i << 8;
            for (int bit = 0; bit < 8; bit++) crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            TABLE[i] = crc & 0xFFFF;
        }
    }

    private ScpCrc() {}

    public static int compute(byte[] data, int offset, int length) {
        int crc = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc = (crc << 8 ^ TABLE[(crc >>> 8 ^ data[i]) & 0xFF]) & 0xFFFF;
        }
        return crc;
    }
}
