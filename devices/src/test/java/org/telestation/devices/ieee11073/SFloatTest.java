package org.telestation.devices.ieee11073;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vectors: standards.md §1.3 "SFLOAT test vectors" (bytes as on air, little-endian). */
class SFloatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0200, 2",
            "14F0, 2.0",
            "C8E0, 2.00",
            "0210, 2E+1",
            "0220, 2E+2",
            "C800, 200",
            "D204, 1234",
            "2E0B, -1234",
            "65F0, 10.1",
            "BDF0, 18.9",
            "77F1, 37.5",
            "F6FF, -1.0",
            // §0.1 pitfall: exponent has no bias, so 0A 70 is 10 x 10^7, not 1.0
            "0A70, 1.0E+8",
    })
    void decodesFiniteVectorsKeepingPrecision(String hex, String expected) {
        MderNumber n = SFloat.decode(HexFormat.of().parseHex(hex), 0);
        assertThat(n.isFinite()).isTrue();
        assertThat(n.decimal()).isEqualTo(new BigDecimal(expected)); // equals compares scale too
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"FF07, NAN", "0008, NRES", "FE07, POSITIVE_INFINITY", "0208, NEGATIVE_INFINITY", "0108, RESERVED"})
    void decodesSpecialValuesDistinctly(String hex, SpecialValue expected) {
        MderNumber n = SFloat.decode(HexFormat.of().parseHex(hex), 0);
        assertThat(n.special()).isEqualTo(expected);
        assertThat(n.decimal()).isNull();
        byte[] out = new byte[2];
        SFloat.write(SFloat.encode(n), out, 0);
        assertThat(HexFormat.of().formatHex(out)).isEqualToIgnoringCase(hex);
    }

    @Test
    void specialValuesMapToDoublesAsNordicDoes() {
        assertThat(MderNumber.of(SpecialValue.POSITIVE_INFINITY).doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(MderNumber.of(SpecialValue.NEGATIVE_INFINITY).doubleValue()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(MderNumber.of(SpecialValue.NRES).doubleValue()).isNaN();
        assertThat(SpecialValue.NRES.dataAbsentReason()).isEqualTo("error");
        assertThat(SpecialValue.NAN.dataAbsentReason()).isEqualTo("not-a-number");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "10.1, 65F0",   // Nordic DataTest encode
            "18.9, BDF0",
            "2.00, C8E0",
            "1234, D204",
            "-1234, 2E0B",
            "37.5, 77F1",
            "-1.0, F6FF",
            "37.60, 78F1",  // 3760 does not fit 12 bits: one decimal dropped exactly
            "1E+8, 0A70",
            "0, 0000",
    })
    void encodesToTheVectorBytes(String value, String hex) {
        byte[] out = new byte[2];
        SFloat.write(SFloat.encode(new BigDecimal(value)), out, 0);
        assertThat(HexFormat.of().formatHex(out)).isEqualToIgnoringCase(hex);
    }

    @Test
    void encodingNeverProducesASpecialPattern() {
        // 2046 and 2047 would collide with +INF / NaN at exponent 0: rounded to the next exponent instead
        assertThat(SFloat.decode(SFloat.encode(new BigDecimal("2047"))).decimal()).isEqualByComparingTo("2050");
        assertThat(SFloat.decode(SFloat.encode(new BigDecimal("-2048"))).decimal()).isEqualByComparingTo("-2050");
    }

    @Test
    void roundsValuesWithTooManyDigitsHalfEven() {
        assertThat(SFloat.decode(SFloat.encode(new BigDecimal("98.765"))).decimal()).isEqualTo(new BigDecimal("98.8"));
        assertThat(SFloat.decode(SFloat.encode(new BigDecimal("0.000000001"))).decimal().signum()).isZero();
    }

    @Test
    void roundsOnceNotTwice() {
        // Jazzer finding: rounding digit by digit gave 880E+6 (8805E+5 first), half a step too far
        assertThat(SFloat.decode(SFloat.encode(new BigDecimal("880508050"))).decimal()).isEqualTo(new BigDecimal("8.81E+8"));
        assertThat(MderFloat.decode(MderFloat.encode(new BigDecimal("12345678.5"))).decimal())
                .isEqualTo(new BigDecimal("1.234568E+7"));
    }

    @Test
    void rejectsValuesBeyondTheRange() {
        assertThatThrownBy(() -> SFloat.encode(new BigDecimal("3E+10"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyRawPatternRoundTripsToAnEqualValue() {
        for (int raw = 0; raw <= 0xFFFF; raw++) {
            MderNumber n = SFloat.decode(raw);
            MderNumber back = SFloat.decode(SFloat.encode(n));
            if (n.isFinite()) {
                assertThat(back.decimal()).as("raw %04x", raw).isEqualByComparingTo(n.decimal());
            } else {
                assertThat(back.special()).isEqualTo(n.special());
            }
        }
    }
}
