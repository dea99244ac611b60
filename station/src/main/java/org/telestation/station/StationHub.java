package org.telestation.station;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.telestation.devices.model.Measurement;
import org.telestation.devices.model.StatusFlag;
import org.telestation.devices.model.VitalSign;
import org.telestation.devices.model.WaveformChunk;
import org.telestation.station.link.LiveBatch;
import org.telestation.station.outbox.Outbox;
import org.telestation.station.outbox.OutboxFullException;
import org.telestation.station.outbox.OutboxItem;
import org.telestation.station.outbox.OutboxItemTooLargeException;
import org.telestation.station.source.CapturedItem;
import org.telestation.station.source.DeviceAction;
import org.telestation.station.source.DeviceSink;
import org.telestation.station.source.DeviceSource;
import org.telestation.station.source.DeviceStatus;
import org.telestation.station.source.OtoscopeSource;

/**
 * Where everything the devices produce meets: it keeps the latest status and values per device for the screens,
 * a short pleth history for the nurse's waveform, and the live entries waiting for the next batch; a capture turns
 * the latest values of a device into outbox items.
 */
public final class StationHub implements DeviceSink {
    /** 10 s of a 100 Hz waveform: what the nurse's screen can catch up on after a pause. */
    static final int WAVEFORM_HISTORY = 1000;
    /** Live entries waiting for the link; beyond this the oldest are dropped (the link is down or stuck). */
    static final int MAX_PENDING_LIVE = 2000;

    private final Outbox outbox;
    private final Clock clock;
    private final Map<String, DeviceStatus> statuses = new LinkedHashMap<>();
    private final Map<String, Map<VitalSign, Measurement>> lastValues = new LinkedHashMap<>();
    private final Map<String, WaveformHistory> waveforms = new LinkedHashMap<>();
    private final List<LiveBatch.Entry> pendingLive = new ArrayList<>();
    private final Map<String, DeviceSource> sources = new LinkedHashMap<>();
    private volatile String alarm;
    private Runnable onStatusChange = () -> { };
    private Runnable onCapture = () -> { };

    public StationHub(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public void onStatusChange(Runnable action) {
        this.onStatusChange = action;
    }

    public void onCapture(Runnable action) {
        this.onCapture = action;
    }

    @Override
    public void measurement(Measurement m) {
        synchronized (this) {
            lastValues.computeIfAbsent(m.device().id(), k -> new EnumMap<>(VitalSign.class)).put(m.sign(), m);
            addLive(new LiveBatch.Spot(m.device().id(), m.sign().name(), m.value(),
                    m.deviceTime() != null ? m.deviceTime().toEpochMilli() : LiveBatch.Spot.NO_TIME,
                    m.receiptTime().toEpochMilli(), flagBits(m)));
        }
    }

    @Override
    public void waveform(WaveformChunk c) {
        synchronized (this) {
            waveforms.computeIfAbsent(c.device().id() + "/" + c.channel(), k -> new WaveformHistory(c.device().id(),
                    c.channel(), c.sampleRateHz())).append(c.samples());
            addLive(new LiveBatch.Waveform(c.device().id(), c.channel(), (float) c.sampleRateHz(),
                    c.startTime().toEpochMilli(), (float) c.scale(), (float) c.offset(), c.unit(), c.samples()));
        }
    }

    @Override
    public void status(DeviceStatus status) {
        boolean changed;
        synchronized (this) {
            DeviceStatus previous = statuses.put(status.device().id(), status);
            changed = previous == null || previous.state() != status.state()
                    || !java.util.Objects.equals(previous.diagnostic(), status.diagnostic());
        }
        if (changed) onStatusChange.run();
    }

    /** Stores a device's recording or image in the outbox; false (and the alarm) when the outbox refuses. */
    @Override
    public boolean item(CapturedItem item) {
        return offer(item) == null;
    }

    @Override
    public Refusal offer(CapturedItem item) {
        try {
            outbox.enqueue(item.device().id(), item.kind(), item.contentType(), item.payload());
            alarm = null;
        } catch (OutboxFullException e) {
            alarm = fullAlarm(e);
            return e.reason() == OutboxFullException.Reason.DISK_FULL ? new Refusal("le disque est plein", false)
                    : Refusal.OUTBOX_FULL;
        } catch (OutboxItemTooLargeException e) {
            alarm = tooLargeAlarm(e);
            return new Refusal(tooLarge(e), true);
        } catch (SQLException e) {
            alarm = "Erreur d'enregistrement sur la station : prévenez le support.";
            return new Refusal("erreur d'enregistrement sur la station", false);
        }
        onCapture.run();
        return null;
    }

    /** Makes a source's actions reachable from the screens (by the source's device id). */
    public synchronized void attach(DeviceSource source) {
        sources.put(source.identity().id(), source);
    }

    public synchronized List<DeviceAction> actions(String deviceId) {
        DeviceSource s = sources.get(deviceId);
        return s == null ? List.of() : s.actions();
    }

    /**
     * Starts an action of a device; returns the sentence for the nurse.
     *
     * @throws IllegalArgumentException unknown device or action
     * @throws IllegalStateException    the device cannot do it now (French message)
     */
    public String perform(String deviceId, String actionId) {
        DeviceSource s;
        synchronized (this) {
            s = sources.get(deviceId);
        }
        if (s == null) throw new IllegalArgumentException("unknown device");
        return s.perform(actionId);
    }

    /**
     * Takes a full-resolution still with the first connected device that has a {@code snapshot} action (the
     * otoscope or dermatoscope camera); the image reaches the outbox through {@link #item}.
     *
     * @return false when no such camera is connected or it is busy with another capture
     */
    public boolean snapshotWithConnectedCamera() {
        List<DeviceSource> cameras = new ArrayList<>();
        synchronized (this) {
            for (DeviceSource s : sources.values()) {
                DeviceStatus status = statuses.get(s.identity().id());
                if (status != null && status.state() == DeviceStatus.State.CONNECTED && s.actions().stream()
                        .anyMatch(a -> OtoscopeSource.SNAPSHOT_ACTION.equals(a.id()))) {
                    cameras.add(s);
                }
            }
        }
        for (DeviceSource camera : cameras) {
            try {
                camera.perform(OtoscopeSource.SNAPSHOT_ACTION);
                return true;
            } catch (IllegalStateException busy) {
                // a capture already running on this one: try the next
            }
        }
        return false;
    }

    private void addLive(LiveBatch.Entry e) {
        if (pendingLive.size() >= MAX_PENDING_LIVE) pendingLive.remove(0);
        pendingLive.add(e);
    }

    private static int flagBits(Measurement m) {
        int bits = 0;
        for (StatusFlag f : m.flags()) bits |= 1 << f.ordinal();
        return bits;
    }

    /** Takes the live entries gathered since the last call, for one frame. */
    public synchronized List<LiveBatch.Entry> drainLive() {
        List<LiveBatch.Entry> out = List.copyOf(pendingLive);
        pendingLive.clear();
        return out;
    }

    /**
     * Puts the latest spot values of a device in the outbox, one item each (the doctor validates them one by one).
     *
     * @throws OutboxFullException         the outbox refused: the alarm is raised, nothing stored is lost
     * @throws OutboxItemTooLargeException a value too large to ever be sent (cannot happen with a measurement's
     *                                     few hundred bytes, but the outbox says so rather than assume it)
     */
    public List<OutboxItem> capture(String deviceId)
            throws OutboxFullException, OutboxItemTooLargeException, SQLException {
        List<Measurement> values;
        synchronized (this) {
            Map<VitalSign, Measurement> last = lastValues.get(deviceId);
            values = last == null ? List.of() : List.copyOf(last.values());
        }
        List<OutboxItem> items = new ArrayList<>();
        for (Measurement m : values) {
            items.add(enqueueMeasurement(m, "NURSE_CAPTURE"));
        }
        if (!items.isEmpty()) onCapture.run();
        return items;
    }

    /** Stores one measurement durably; the stream is the device, so each device's captures stay in order. */
    public OutboxItem enqueueMeasurement(Measurement m, String origin)
            throws OutboxFullException, OutboxItemTooLargeException, SQLException {
        try {
            OutboxItem item = outbox.enqueue(m.device().id(), "MEASUREMENT", MeasurementJson.CONTENT_TYPE,
                    MeasurementJson.toJson(m, origin));
            alarm = null;
            return item;
        } catch (OutboxFullException e) {
            alarm = fullAlarm(e);
            throw e;
        } catch (OutboxItemTooLargeException e) {
            alarm = tooLargeAlarm(e);
            throw e;
        }
    }

    /** "trop volumineuse pour être envoyée (40 Mo, 32 Mo au plus)": for the device's line and the alarm. */
    static String tooLarge(OutboxItemTooLargeException e) {
        return "trop volumineuse pour être envoyée (" + megabytes(e.size()) + " Mo, " + megabytes(e.max())
                + " Mo au plus)";
    }

    private static String tooLargeAlarm(OutboxItemTooLargeException e) {
        return "Capture non enregistrée : " + tooLarge(e) + ". Refaites-la plus courte ou en plus basse résolution.";
    }

    private static String megabytes(long bytes) {
        return String.valueOf((bytes + 1024 * 1024 - 1) / (1024 * 1024));
    }

    private static String fullAlarm(OutboxFullException e) {
        return e.reason() == OutboxFullException.Reason.DISK_FULL
                ? "Disque plein : les nouvelles mesures ne peuvent plus être enregistrées. Prévenez le support."
                : "File d'envoi pleine : vérifiez la connexion au serveur. Les mesures déjà enregistrées sont conservées.";
    }

    /** The current alarm for the nurse, or null. Also raised while the outbox is at its bound. */
    public String alarm() throws SQLException {
        if (alarm == null && outbox.pendingCount() >= outbox.maxPendingItems()) {
            return "File d'envoi pleine : vérifiez la connexion au serveur. Les mesures déjà enregistrées sont conservées.";
        }
        return alarm;
    }

    public synchronized List<DeviceStatus> statuses() {
        return List.copyOf(statuses.values());
    }

    public synchronized Map<VitalSign, Measurement> lastValues(String deviceId) {
        Map<VitalSign, Measurement> last = lastValues.get(deviceId);
        return last == null ? Map.of() : Map.copyOf(last);
    }

    public synchronized List<WaveformHistory.Slice> waveformsAfter(long index) {
        List<WaveformHistory.Slice> out = new ArrayList<>();
        for (WaveformHistory w : waveforms.values()) out.add(w.after(index));
        return out;
    }

    /** A ring of the latest samples of one channel, indexed by a running sample count. */
    public static final class WaveformHistory {
        final String deviceId;
        final String channel;
        final double sampleRateHz;
        private final short[] ring = new short[WAVEFORM_HISTORY];
        private long total;

        WaveformHistory(String deviceId, String channel, double sampleRateHz) {
            this.deviceId = deviceId;
            this.channel = channel;
            this.sampleRateHz = sampleRateHz;
        }

        void append(short[] samples) {
            for (short s : samples) ring[(int) (total++ % ring.length)] = s;
        }

        /** Samples with running index ≥ {@code index} (at most the ring's length), and the next index to ask. */
        Slice after(long index) {
            long from = Math.max(Math.max(0, index), total - ring.length);
            short[] out = new short[(int) Math.max(0, total - from)];
            for (int i = 0; i < out.length; i++) out[i] = ring[(int) ((from + i) % ring.length)];
            return new Slice(deviceId, channel, sampleRateHz, total, out);
        }

        public record Slice(String deviceId, String channel, double sampleRateHz, long next, short[] samples) {
        }
    }
}
