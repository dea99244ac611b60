package org.telestation.devices.ble.gatt;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** The unit of the Blood Pressure Measurement pressures (flags bit 0, standards.md §1.4). */
public enum PressureUnit {
    MMHG,
    KPA;

    /** mmHg per kPa: 760 mmHg = 101.325 kPa. */
    private static final BigDecimal MMHG_PER_KPA = new BigDecimal(760).divide(new BigDecimal("101.325"),
            MathContext.DECIMAL64);

    /**
     * The pressure in mm[Hg], the unit the model always stores. kPa values (0.1 kPa ≈ 0.75 mmHg resolution) are
     * rounded to 0.1 mmHg, finer than the source resolution, so nothing is lost that the device measured.
     */
    public BigDecimal toMmHg(BigDecimal value) {
        return this == MMHG ? value : value.multiply(MMHG_PER_KPA).setScale(1, RoundingMode.HALF_EVEN);
    }
}
