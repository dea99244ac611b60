package org.telestation.devices.ble;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.telestation.devices.ble.gatt.BloodPressureMeasurement;
import org.telestation.devices.ble.gatt.BloodPressureStatus;
import org.telestation.devices.ble.gatt.GattDateTime;
import org.telestation.devices.ble.gatt.HeartRateMeasurement;
import org.telestation.devices.ble.gatt.PlxContinuousMeasurement;
import org.telestation.devices.ble.gatt.PlxDeviceSensorStatus;
import org.telestation.devices.ble.gatt.PlxMeasurementStatus;
import org.telestation.devices.ble.gatt.PlxSpotCheckMeasurement;
import org.telestation.devices.ble.gatt.PressureUnit;
import org.telestation.devices.ble.gatt.TemperatureMeasurement;
import org.telestation.devices.ieee11073.MderNumber;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.Measurement;
import org.telestation.devices.model.StatusFlag;
import org.telestation.devices.model.VitalSign;

/**
 * Maps decoded GATT values to the shared {@link Measurement} model: canonical UCUM units (mm[Hg], Cel, %, /min),
 * status bits as {@link StatusFlag}s, the device's own time stamp. Intermediate Cuff Pressure has no mapping on
 * purpose: it is a live gauge, never a stored measurement.
 *
 * <p>Special values: NaN, NRes and reserved become a NaN value flagged {@link StatusFlag#NO_MEASUREMENT};
 * ±infinity becomes a NaN value flagged {@link StatusFlag#OUT_OF_RANGE}.
 *
 * @param device     who measured
 * @param deviceZone the zone of the device clock (GATT DateTime has none; the station sets the device clock)
 */
public record GattMeasurementMapper(DeviceIdentity device, ZoneId deviceZone) {

    public GattMeasurementMapper {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(deviceZone, "deviceZone");
    }

    /** Systolic, diastolic, mean and (when present) pulse rate, all sharing the cuff's status flags. */
    public List<Measurement> map(BloodPressureMeasurement bp, Instant receipt, Set<StatusFlag> extra) {
        Set<StatusFlag> flags = union(extra, bloodPressureFlags(bp.status()));
        Instant time = deviceTime(bp.timeStamp());
        List<Measurement> out = new ArrayList<>(4);
        out.add(pressure(VitalSign.SYSTOLIC_PRESSURE, bp.unit(), bp.systolic(), time, receipt, flags));
        out.add(pressure(VitalSign.DIASTOLIC_PRESSURE, bp.unit(), bp.diastolic(), time, receipt, flags));
        out.add(pressure(VitalSign.MEAN_ARTERIAL_PRESSURE, bp.unit(), bp.meanArterialPressure(), time, receipt, flags));
        if (bp.pulseRate() != null) out.add(number(VitalSign.PULSE_RATE, bp.pulseRate(), time, receipt, flags));
        return out;
    }

    /** SpO2, pulse rate and (when present) the pulse amplitude index as perfusion index. */
    public List<Measurement> map(PlxSpotCheckMeasurement m, Instant receipt, Set<StatusFlag> extra) {
        Set<StatusFlag> flags = union(extra, plxFlags(m.measurementStatus(), m.deviceAndSensorStatus()));
        return plx(m.spo2(), m.pulseRate(), m.pulseAmplitudeIndex(), deviceTime(m.timestamp()), receipt, flags);
    }

    /** The Normal SpO2/PR pair (Fast and Slow are averaging variants of the same quantity) and the PAI. */
    public List<Measurement> map(PlxContinuousMeasurement m, Instant receipt, Set<StatusFlag> extra) {
        Set<StatusFlag> flags = union(extra, plxFlags(m.measurementStatus(), m.deviceAndSensorStatus()));
        return plx(m.spo2(), m.pulseRate(), m.pulseAmplitudeIndex(), null, receipt, flags);
    }

    /** Body temperature in Cel (°F converted). */
    public Measurement map(TemperatureMeasurement t, Instant receipt, Set<StatusFlag> extra) {
        Set<StatusFlag> flags = union(extra, specialFlags(t.temperature()));
        BigDecimal celsius = t.celsius();
        return new Measurement(VitalSign.BODY_TEMPERATURE, celsius == null ? Double.NaN : celsius.doubleValue(),
                deviceTime(t.timeStamp()), receipt, device, flags);
    }

    /** Heart rate; a sensor that reports lost skin contact flags it as disconnected. */
    public Measurement map(HeartRateMeasurement hr, Instant receipt, Set<StatusFlag> extra) {
        Set<StatusFlag> flags = EnumSet.noneOf(StatusFlag.class);
        if (extra != null) flags.addAll(extra);
        if (hr.sensorContact() == HeartRateMeasurement.SensorContact.NOT_DETECTED) {
            flags.add(StatusFlag.SENSOR_DISCONNECTED);
        }
        return new Measurement(VitalSign.HEART_RATE, hr.heartRate(), null, receipt, device, flags);
    }

    /** The device's time stamp as an instant in {@link #deviceZone}, or null when absent or unknown. */
    public Instant deviceTime(GattDateTime t) {
        return t == null ? null : t.toLocalDateTime().map(l -> l.atZone(deviceZone).toInstant()).orElse(null);
    }

    public static Set<StatusFlag> bloodPressureFlags(BloodPressureStatus s) {
        Set<StatusFlag> flags = EnumSet.noneOf(StatusFlag.class);
        if (s == null) return flags;
        if (s.bodyMovement()) flags.add(StatusFlag.BODY_MOVEMENT);
        if (s.cuffTooLoose()) flags.add(StatusFlag.CUFF_TOO_LOOSE);
        if (s.irregularPulse()) flags.add(StatusFlag.IRREGULAR_PULSE);
        if (s.pulseRateRange() == BloodPressureStatus.PulseRateRange.EXCEEDS_UPPER_LIMIT
                || s.pulseRateRange() == BloodPressureStatus.PulseRateRange.BELOW_LOWER_LIMIT) {
            flags.add(StatusFlag.PULSE_RATE_OUT_OF_RANGE);
        }
        if (s.improperMeasurementPosition()) flags.add(StatusFlag.IMPROPER_MEASUREMENT_POSITION);
        return flags;
    }

    public static Set<StatusFlag> plxFlags(Integer measurementStatus, Integer sensorStatus) {
        Set<StatusFlag> flags = EnumSet.noneOf(StatusFlag.class);
        if (PlxMeasurementStatus.EARLY_ESTIMATED_DATA.isSetIn(measurementStatus)) flags.add(StatusFlag.EARLY_ESTIMATE);
        if (PlxMeasurementStatus.MEASUREMENT_UNAVAILABLE.isSetIn(measurementStatus)) {
            flags.add(StatusFlag.NO_MEASUREMENT);
        }
        if (PlxMeasurementStatus.QUESTIONABLE_MEASUREMENT_DETECTED.isSetIn(measurementStatus)
                || PlxMeasurementStatus.INVALID_MEASUREMENT_DETECTED.isSetIn(measurementStatus)) {
            flags.add(StatusFlag.ARTIFACT);
        }
        for (PlxDeviceSensorStatus bit : PlxDeviceSensorStatus.values()) {
            if (!bit.isSetIn(sensorStatus)) continue;
            StatusFlag flag = switch (bit) {
                case EQUIPMENT_MALFUNCTION_DETECTED, SENSOR_MALFUNCTIONING, UNKNOWN_SENSOR_CONNECTED ->
                        StatusFlag.SENSOR_MALFUNCTION;
                case INADEQUATE_SIGNAL_DETECTED, POOR_SIGNAL_DETECTED -> StatusFlag.LOW_SIGNAL_QUALITY;
                case LOW_PERFUSION_DETECTED -> StatusFlag.LOW_PERFUSION;
                case SIGNAL_PROCESSING_IRREGULARITY_DETECTED, ERRATIC_SIGNAL_DETECTED, NONPULSATILE_SIGNAL_DETECTED,
                     QUESTIONABLE_PULSE_DETECTED, SENSOR_INTERFERENCE_DETECTED -> StatusFlag.ARTIFACT;
                case SENSOR_UNCONNECTED_TO_USER, SENSOR_DISPLACED, SENSOR_DISCONNECTED -> StatusFlag.SENSOR_DISCONNECTED;
                case SIGNAL_ANALYSIS_ONGOING -> StatusFlag.SEARCHING;
                case EXTENDED_DISPLAY_UPDATE_ONGOING -> null;
            };
            if (flag != null) flags.add(flag);
        }
        return flags;
    }

    private List<Measurement> plx(MderNumber spo2, MderNumber pr, MderNumber pai, Instant time, Instant receipt,
                                  Set<StatusFlag> flags) {
        List<Measurement> out = new ArrayList<>(3);
        out.add(number(VitalSign.OXYGEN_SATURATION, spo2, time, receipt, flags));
        out.add(number(VitalSign.PULSE_RATE, pr, time, receipt, flags));
        if (pai != null) out.add(number(VitalSign.PERFUSION_INDEX, pai, time, receipt, flags));
        return out;
    }

    private Measurement pressure(VitalSign sign, PressureUnit unit, MderNumber n, Instant time, Instant receipt,
                                 Set<StatusFlag> flags) {
        double value = n.isFinite() ? unit.toMmHg(n.decimal()).doubleValue() : Double.NaN;
        return new Measurement(sign, value, time, receipt, device, union(flags, specialFlags(n)));
    }

    private Measurement number(VitalSign sign, MderNumber n, Instant time, Instant receipt, Set<StatusFlag> flags) {
        double value = n.isFinite() ? n.decimal().doubleValue() : Double.NaN;
        return new Measurement(sign, value, time, receipt, device, union(flags, specialFlags(n)));
    }

    static Set<StatusFlag> specialFlags(MderNumber n) {
        if (n.isFinite()) return Set.of();
        return switch (n.special()) {
            case POSITIVE_INFINITY, NEGATIVE_INFINITY -> Set.of(StatusFlag.OUT_OF_RANGE);
            case NAN, NRES, RESERVED -> Set.of(StatusFlag.NO_MEASUREMENT);
        };
    }

    private static Set<StatusFlag> union(Set<StatusFlag> a, Set<StatusFlag> b) {
        Set<StatusFlag> flags = EnumSet.noneOf(StatusFlag.class);
        if (a != null) flags.addAll(a);
        if (b != null) flags.addAll(b);
        return flags;
    }
}
