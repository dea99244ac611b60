package org.telestation.station.source;

import org.telestation.devices.model.Measurement;
import org.telestation.devices.model.WaveformChunk;

/** Where a {@link DeviceSource} puts what it reads. Called from the source's own thread; must not block long. */
public interface DeviceSink {
    void measurement(Measurement measurement);

    void waveform(WaveformChunk chunk);

    void status(DeviceStatus status);
}
