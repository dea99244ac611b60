package org.telestation.devices.serial.nonin;

import org.telestation.devices.serial.PlethFormat;

/** The Nonin data formats we decode (standards.md §2.1), with the code the "select data format" command uses. */
public enum NoninDataFormat {
    /** 8-bit pleth, 75 frames/s, 25-frame packets. */
    DF2(0x02, new PlethFormat(75, 0)),
    /** As DF2 with a 16-bit pleth (stored shifted by −32768). */
    DF7(0x07, new PlethFormat(75, 32768)),
    /** One 4-byte frame per second, no pleth. */
    DF8(0x08, null),
    /** SmartPoint spot-check packets, store and forward. */
    DF13(0x0D, null);

    private final int code;
    private final PlethFormat pleth;

    NoninDataFormat(int code, PlethFormat pleth) {
        this.code = code;
        this.pleth = pleth;
    }

    public int code() {
        return code;
    }

    /** The pleth this format carries, or null. */
    public PlethFormat pleth() {
        return pleth;
    }

    /** The format for a command code or a number typed by a person ("13", "0x0D"); null if none. */
    public static NoninDataFormat ofCode(int code) {
        for (NoninDataFormat f : values()) {
            if (f.code == code) {
                return f;
            }
        }
        return null;
    }
}
