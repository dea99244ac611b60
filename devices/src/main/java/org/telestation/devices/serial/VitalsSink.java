package org.telestation.devices.serial;

import org.telestation.devices.model.Measurement;
import org.telestation.devices.model.WaveformChunk;

/** Receives what a device produced, in the shared model. Called on the transport's reader thread. */
public interface VitalsSink {
    void onMeasurement(Measurement measurement);

    void onWaveform(WaveformChunk chunk);
}
