package org.telestation.station.source;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;
import org.telestation.devices.model.Measurement;
import org.telestation.devices.model.WaveformChunk;
import org.telestation.devices.serial.ConnectionStatus;
import org.telestation.devices.serial.SerialProtocol;
import org.telestation.devices.serial.SerialTransport;
import org.telestation.devices.serial.VitalsSink;

/**
 * A serial pulse oximeter (Nonin, Contec, Masimo) on a configured port: the real {@link SerialTransport} (jSerialComm,
 * reconnects by itself) feeding the protocol's decoder and {@code ModelBridge}, whose measurements and pleth go to
 * the sink. The transport's link states become {@link DeviceStatus}es with a French diagnostic.
 */
public final class SerialOximeterSource implements DeviceSource {
    /** Configuration names of the protocols ({@code telestation.device.<name>.protocol}). */
    static final Map<String, SerialProtocol> PROTOCOLS = Map.of(
            "nonin-df2", SerialProtocol.NONIN_DF2,
            "nonin-df7", SerialProtocol.NONIN_DF7,
            "nonin-df8", SerialProtocol.NONIN_DF8,
            "nonin-df13", SerialProtocol.NONIN_DF13,
            "contec-v7", SerialProtocol.CONTEC_V7,
            "contec-legacy", SerialProtocol.CONTEC_LEGACY,
            "masimo", SerialProtocol.MASIMO_ASCII);

    private final String port;
    private final SerialProtocol protocol;
    private final DeviceIdentity identity;
    private final Clock clock;
    private final ZoneId deviceZone;
    private final boolean simulated;
    private SerialTransport transport;

    public SerialOximeterSource(String port, SerialProtocol protocol, Clock clock, ZoneId deviceZone) {
        this(port, protocol, clock, deviceZone, false);
    }

    /** @param simulated a simulator is at the other end of the link (demo mode): the screen says so */
    public SerialOximeterSource(String port, SerialProtocol protocol, Clock clock, ZoneId deviceZone,
                                boolean simulated) {
        this.simulated = simulated;
        this.port = port;
        this.protocol = protocol;
        this.identity = identity(port, protocol);
        this.clock = clock;
        this.deviceZone = deviceZone;
    }

    /** The identity of the oximeter on {@code port}: its id depends on the port only, so it survives a re-probe. */
    static DeviceIdentity identity(String port, SerialProtocol protocol) {
        return new DeviceIdentity(DeviceKind.PULSE_OXIMETER, protocol == null ? null : protocol.manufacturer(),
                protocol == null ? "oxymètre série" : protocol.displayName(), null, port);
    }

    /** The protocol of a configuration name ("nonin-df2", or an enum name such as "NONIN_DF2"), or null. */
    public static SerialProtocol protocolNamed(String name) {
        SerialProtocol p = PROTOCOLS.get(name.toLowerCase(Locale.ROOT));
        if (p != null) return p;
        try {
            return SerialProtocol.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public SerialProtocol protocol() {
        return protocol;
    }

    @Override
    public DeviceIdentity identity() {
        return identity;
    }

    @Override
    public synchronized void start(DeviceSink sink) {
        if (transport != null) return;
        VitalsSink vitals = new VitalsSink() {
            @Override
            public void onMeasurement(Measurement measurement) {
                sink.measurement(measurement);
            }

            @Override
            public void onWaveform(WaveformChunk chunk) {
                sink.waveform(chunk);
            }
        };
        transport = new SerialTransport(port, protocol.settings(), protocol.newModelDecoder(identity, clock,
                deviceZone, vitals), protocol.transportOptions("the pulse oximeter"), clock);
        transport.addStatusListener(s -> sink.status(status(s)));
        sink.status(status(transport.status()));
        transport.start();
    }

    private DeviceStatus status(ConnectionStatus s) {
        DeviceStatus status = toStatus(identity, port, s, clock);
        return simulated && status.diagnostic() == null
                ? new DeviceStatus(identity, status.state(), null, "Simulateur (liaison série)", status.at()) : status;
    }

    /** The nurse's view of a serial link state. */
    static DeviceStatus toStatus(DeviceIdentity identity, String port, ConnectionStatus s, Clock clock) {
        String english = s.diagnostic() == null ? "" : s.diagnostic();
        return switch (s.state()) {
            case CONNECTED -> new DeviceStatus(identity, DeviceStatus.State.CONNECTED, null, null, clock.instant());
            case CONNECTING -> new DeviceStatus(identity, DeviceStatus.State.CONNECTING, null,
                    java.nio.file.Files.exists(java.nio.file.Path.of(port))
                            ? "Connexion à l'oxymètre…"
                            : "Oxymètre non branché — vérifiez son câble ou son adaptateur USB (" + port + ")",
                    clock.instant());
            case SILENT -> new DeviceStatus(identity, DeviceStatus.State.CONNECTED, null,
                    "L'oxymètre est branché mais n'envoie rien — vérifiez qu'il est allumé et que le capteur est "
                            + "sur le doigt", clock.instant());
            case RECONNECTING -> new DeviceStatus(identity, DeviceStatus.State.DISCONNECTED, null,
                    "Liaison avec l'oxymètre perdue (câble ou adaptateur USB débranché ?) — reconnexion en cours…",
                    clock.instant());
            case FAILED -> new DeviceStatus(identity, DeviceStatus.State.ERROR, null,
                    english.contains("dialout")
                            ? "La station n'a pas le droit d'ouvrir le port de l'oxymètre — prévenez le support "
                              + "(groupe dialout)"
                            : english.contains("another program")
                            ? "Le port de l'oxymètre est utilisé par un autre programme — redémarrez la station"
                            : "Oxymètre introuvable — vérifiez son câble ou son adaptateur USB (reconnexion en cours…)",
                    clock.instant());
            case CLOSED -> new DeviceStatus(identity, DeviceStatus.State.DISCONNECTED, null, "Oxymètre arrêté",
                    clock.instant());
        };
    }

    @Override
    public synchronized void close() {
        if (transport != null) {
            transport.close();
            transport = null;
        }
    }
}
