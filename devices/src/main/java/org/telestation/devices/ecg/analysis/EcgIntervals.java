package org.telestation.devices.ecg.analysis;

import java.util.List;
import org.telestation.devices.ecg.EcgLead;

/**
 * Global intervals of a resting ECG, measured on the median beat. Values are NaN when not measurable (no P wave,
 * fewer than two beats…).
 *
 * @param beatCount        QRS complexes detected
 * @param heartRateBpm     60 000 / mean RR
 * @param rrMs             mean RR interval
 * @param prMs             P onset → QRS onset
 * @param qrsMs            QRS onset → QRS offset
 * @param qtMs             QRS onset → T end
 * @param qtcBazettMs      QT / √RR (RR in s)
 * @param qtcFridericiaMs  QT / ∛RR (RR in s)
 * @param fiducialSamples  the fiducial point of each detected beat (sample index)
 * @param leadsUsed        leads that entered the median beat (flat or saturated leads are left out)
 */
public record EcgIntervals(int beatCount, double heartRateBpm, double rrMs, double prMs, double qrsMs, double qtMs,
                           double qtcBazettMs, double qtcFridericiaMs, int[] fiducialSamples,
                           List<EcgLead> leadsUsed) {}
