package org.telestation.devices.serial;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Function;

import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.serial.contec.ContecLegacyDecoder;
import org.telestation.devices.serial.contec.ContecV7Decoder;
import org.telestation.devices.serial.contec.ContecV7Packet;
import org.telestation.devices.serial.masimo.MasimoAsciiDecoder;
import org.telestation.devices.serial.nonin.NoninDataFormat;
import org.telestation.devices.serial.nonin.NoninDf13Decoder;
import org.telestation.devices.serial.nonin.NoninDf2Decoder;
import org.telestation.devices.serial.nonin.NoninDf7Decoder;
import org.telestation.devices.serial.nonin.NoninDf8Decoder;

/** The serial oximeter protocols the station speaks, with their line settings and the commands a link needs. */
public enum SerialProtocol {
    NONIN_DF2("Nonin data format 2", "Nonin", SerialSettings.B9600_8N1, NoninDataFormat.DF2.pleth(), 10,
            NoninDf2Decoder::new),
    NONIN_DF7("Nonin data format 7", "Nonin", SerialSettings.B9600_8N1, NoninDataFormat.DF7.pleth(), 10,
            NoninDf7Decoder::new),
    NONIN_DF8("Nonin data format 8", "Nonin", SerialSettings.B9600_8N1, null, 2, NoninDf8Decoder::new),
    NONIN_DF13("Nonin data format 13 (SmartPoint)", "Nonin", SerialSettings.B9600_8N1, null, 1,
            NoninDf13Decoder::new),
    CONTEC_V7("Contec CMS50 protocol V7.0", "Contec", SerialSettings.B115200_8N1, new PlethFormat(60, 0), 10,
            ContecV7Decoder::new),
    CONTEC_LEGACY("Contec CMS50D+ legacy protocol", "Contec", SerialSettings.B19200_8O1, new PlethFormat(60, 0), 10,
            ContecLegacyDecoder::new),
    MASIMO_ASCII("Masimo Rad-8 / Radical-7 ASCII", "Masimo", SerialSettings.B9600_8N1, null, 1,
            MasimoAsciiDecoder::new);

    /** Contec V7 devices stop streaming after about 30 s without a keep-alive (§2.2). */
    public static final Duration CONTEC_KEEP_ALIVE_PERIOD = Duration.ofSeconds(5);

    private final String displayName;
    private final String manufacturer;
    private final SerialSettings settings;
    private final PlethFormat pleth;
    private final int framesToRecognise;
    private final Function<Consumer<OximetryFrame>, StreamDecoder> decoderFactory;

    SerialProtocol(String displayName, String manufacturer, SerialSettings settings, PlethFormat pleth,
                   int framesToRecognise, Function<Consumer<OximetryFrame>, StreamDecoder> decoderFactory) {
        this.displayName = displayName;
        this.manufacturer = manufacturer;
        this.settings = settings;
        this.pleth = pleth;
        this.framesToRecognise = framesToRecognise;
        this.decoderFactory = decoderFactory;
    }

    public String displayName() { return displayName; }
    public String manufacturer() { return manufacturer; }
    public SerialSettings settings() { return settings; }
    /** The pleth the protocol carries, or null. */
    public PlethFormat pleth() { return pleth; }
    /** How many good frames the prober needs before it believes a port speaks this protocol. */
    public int framesToRecognise() { return framesToRecognise; }

    /** A decoder delivering the protocol's own frames. */
    public StreamDecoder newDecoder(Consumer<OximetryFrame> frames) {
        return decoderFactory.apply(frames);
    }

    /** A decoder delivering the shared model ({@code Measurement}s and pleth {@code WaveformChunk}s). */
    public StreamDecoder newModelDecoder(DeviceIdentity device, Clock clock, ZoneId deviceZone, VitalsSink sink) {
        return newDecoder(new ModelBridge<>(device, clock, deviceZone, pleth, sink));
    }

    /** Bytes to send right after the port opens (Contec V7: "start real-time data"), or null. */
    public byte[] startCommand() {
        return this == CONTEC_V7 ? ContecV7Packet.command(ContecV7Packet.CMD_START_REALTIME).encode() : null;
    }

    /** Bytes to send every {@link #CONTEC_KEEP_ALIVE_PERIOD} while connected, or null. */
    public byte[] keepAliveCommand() {
        return this == CONTEC_V7 ? ContecV7Packet.command(ContecV7Packet.CMD_KEEP_ALIVE).encode() : null;
    }

    /** Transport options with this protocol's start and keep-alive commands. */
    public SerialTransport.Options transportOptions(String deviceName) {
        return SerialTransport.Options.defaults(deviceName)
                .withCommands(startCommand(), keepAliveCommand(), CONTEC_KEEP_ALIVE_PERIOD);
    }
}
