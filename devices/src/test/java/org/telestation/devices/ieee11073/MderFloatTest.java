package org.telestation.devices.ieee11073;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vectors: standards.md §1.3 "FLOAT test vectors" (bytes as on air, little-endian). */
class MderFloatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "01000000, 1",
            "87D612FE, 12345.67",
            "B00E00FE, 37.60",
            "140000FF, 2.0",
            "C80000FE, 2.00",
            "02000001, 2E+1",
            "02000002, 2E+2",
            "D2040000, 1234",
            "2EFBFF00, -1234",
            "6E0100FF, 36.6",
    })
    void decodesAndReencodesFiniteVectors(String hex, String expected) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        MderNumber n = MderFloat.decode(bytes, 0);
        assertThat(n.decimal()).isEqualTo(new BigDecimal(expected));
        byte[] out = new byte[4];
        MderFloat.write(MderFloat.encode(new BigDecimal(expected)), out, 0);
        assertThat(out).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"FFFF7F00, NAN", "00008000, NRES", "FEFF7F00, POSITIVE_INFINITY", "02008000, NEGATIVE_INFINITY",
            "01008000, RESERVED"})
    void decodesAndReencodesSpecialValues(String hex, SpecialValue expected) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        MderNumber n = MderFloat.decode(bytes, 0);
        assertThat(n.special()).isEqualTo(expected);
        byte[] out = new byte[4];
        MderFloat.write(MderFloat.encode(n), out, 0);
        assertThat(out).isEqualTo(bytes);
    }

    @Test
    void theExponentIsNotBiased() {
        // §0.1: 72 01 00 7F is 370 x 10^127 per 11073-20601, not 37.0
        MderNumber n = MderFloat.decode(HexFormat.of().parseHex("7201007F"), 0);
        assertThat(n.exponent()).isEqualTo(127);
        assertThat(n.mantissa()).isEqualTo(370);
    }

    @Test
    void randomRawPatternsRoundTripToEqualValues() {
        SplittableRandom random = new SplittableRandom(20601);
        for (int i = 0; i < 200_000; i++) {
            int raw = random.nextInt();
            MderNumber n = MderFloat.decode(raw);
            MderNumber back = MderFloat.decode(MderFloat.encode(n));
            if (n.isFinite()) assertThat(back.decimal()).isEqualByComparingTo(n.decimal());
            else assertThat(back.special()).isEqualTo(n.special());
        }
    }
}
