package org.telestation.station.source;

import java.util.List;
import org.telestation.devices.model.DeviceIdentity;

/**
 * A device the agent reads, whatever its transport: it turns the device's bytes into the {@code devices} model
 * ({@code Measurement}, {@code WaveformChunk}, durable {@link CapturedItem}s) and reports its status. One
 * implementation per kind of device, chosen by {@link DeviceSources#open}.
 */
public interface DeviceSource extends AutoCloseable {
    DeviceIdentity identity();

    /** Starts reading on a thread of its own; reconnects by itself and reports what happens through the sink. */
    void start(DeviceSink sink);

    /** What the nurse can ask of this device (record an ECG, take a snapshot…), shown as buttons. */
    default List<DeviceAction> actions() {
        return List.of();
    }

    /**
     * Starts one of {@link #actions()}; returns at once with a sentence for the nurse (French). The result
     * (recording, image) reaches the outbox through the sink's {@link DeviceSink#item}.
     *
     * @throws IllegalArgumentException for an action this device does not have
     * @throws IllegalStateException    when the device cannot do it now (the message says why, in French)
     */
    default String perform(String actionId) {
        throw new IllegalArgumentException("unknown action " + actionId);
    }

    /** Stops reading and releases the port; never throws. */
    @Override
    void close();
}
