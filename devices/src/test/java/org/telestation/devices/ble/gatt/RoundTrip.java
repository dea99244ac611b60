package org.telestation.devices.ble.gatt;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * The property every fuzz target checks: a parser lets only {@link MalformedValueException} escape, and whatever it
 * decodes re-encodes to bytes that decode and re-encode to the same bytes.
 */
final class RoundTrip {
    interface Decoder<T> {
        T decode(byte[] value) throws MalformedValueException;
    }

    private RoundTrip() {
    }

    static <T> void check(byte[] value, Decoder<T> decoder, Function<T, byte[]> encoder) {
        T first;
        try {
            first = decoder.decode(value);
        } catch (MalformedValueException expected) {
            return;
        }
        byte[] once = encoder.apply(first);
        T second;
        try {
            second = decoder.decode(once);
        } catch (MalformedValueException e) {
            throw new AssertionError("re-encoded value does not decode: " + HexFormat.of().formatHex(once), e);
        }
        byte[] twice = encoder.apply(second);
        if (!Arrays.equals(once, twice)) {
            throw new AssertionError("encoding is not stable: " + HexFormat.of().formatHex(once) + " then "
                    + HexFormat.of().formatHex(twice));
        }
    }
}
