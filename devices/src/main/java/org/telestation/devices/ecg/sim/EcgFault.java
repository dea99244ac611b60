package org.telestation.devices.ecg.sim;

import org.telestation.devices.ecg.EcgLead;

/** What can go wrong on a real cart, for the simulator to reproduce. */
public sealed interface EcgFault {
    /** An electrode came off: the lead reads a flat line at zero (the amplifier's lead-off clamp). */
    record LeadOff(EcgLead lead) implements EcgFault {}

    /** Respiration or movement: a slow sinusoidal drift of the baseline on every lead (phase differs per lead). */
    record BaselineWander(double amplitudeMicrovolts, double frequencyHz) implements EcgFault {}

    /** A dried electrode with a large offset: the lead is pinned at the ADC's positive rail. */
    record OutOfRange(EcgLead lead) implements EcgFault {}

    /** Mains interference (50 Hz in France) on every lead. */
    record MainsInterference(double amplitudeMicrovolts, double frequencyHz) implements EcgFault {}
}
