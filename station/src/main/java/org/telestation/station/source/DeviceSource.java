package org.telestation.station.source;

import org.telestation.devices.model.DeviceIdentity;

/**
 * A device the agent reads, whatever its transport: it turns the device's bytes into the {@code devices} model
 * ({@code Measurement}, {@code WaveformChunk}) and reports its status. The codecs of the device branches plug in
 * here (one implementation per protocol, chosen by {@link DeviceSources#open}).
 */
public interface DeviceSource extends AutoCloseable {
    DeviceIdentity identity();

    /** Starts reading on a thread of its own; reconnects by itself and reports what happens through the sink. */
    void start(DeviceSink sink);

    /** Stops reading and releases the port; never throws. */
    @Override
    void close();
}
