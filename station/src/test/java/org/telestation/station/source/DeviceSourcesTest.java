package org.telestation.station.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.telestation.devices.serial.SerialProtocol;
import org.telestation.station.config.StationConfig;

/** Which source each configuration gets, and discovery of the listed serial ports that are not configured. */
class DeviceSourcesTest {
    @Test
    void configuredDevicesAndDiscoveryPorts() {
        List<DeviceSource> sources = DeviceSources.openAll(StationConfig.of(Map.of(
                "telestation.device.a.protocol", "nonin-df13",
                "telestation.device.a.port", "/dev/ttyUSB0",
                "telestation.device.b.protocol", "MASIMO_ASCII",
                "telestation.device.b.port", "/dev/ttyUSB3",
                "telestation.device.c.protocol", "ble-bps",
                "telestation.device.c.ble-address", "00:09:1f:80:00:01",
                "telestation.device.d.protocol", "contec-v7",
                "telestation.device.e.protocol", "teleporter",
                "telestation.discovery.serial-ports", "/dev/ttyUSB0, /dev/ttyUSB1,/dev/ttyUSB2")), Clock.systemUTC());

        assertThat(sources).hasSize(7); // 5 configured + ttyUSB1 and ttyUSB2 (ttyUSB0 is configured)
        assertThat(sources.get(0)).isInstanceOfSatisfying(SerialOximeterSource.class,
                s -> assertThat(s.protocol()).isEqualTo(SerialProtocol.NONIN_DF13));
        assertThat(sources.get(1)).isInstanceOfSatisfying(SerialOximeterSource.class,
                s -> assertThat(s.protocol()).isEqualTo(SerialProtocol.MASIMO_ASCII));
        assertThat(sources.get(2)).isInstanceOf(BleSource.class);
        assertThat(sources.get(2).identity().id()).isEqualTo("blood_pressure_monitor:00:09:1F:80:00:01");
        assertThat(sources.get(3)).as("no port").isInstanceOf(DeviceSources.UnsupportedSource.class);
        assertThat(sources.get(4)).isInstanceOf(DeviceSources.UnsupportedSource.class);
        assertThat(sources.subList(5, 7)).allSatisfy(s -> assertThat(s).isInstanceOf(ProbingSerialSource.class))
                .extracting(s -> s.identity().address()).containsExactly("/dev/ttyUSB1", "/dev/ttyUSB2");

        RecordingSink sink = new RecordingSink();
        sources.get(3).start(sink);
        sources.get(4).start(sink);
        assertThat(sink.statuses).extracting(DeviceStatus::diagnostic).containsExactly(
                "Appareil mal configuré (port série non configuré) — prévenez le support",
                "Appareil non pris en charge par cette version (protocole « teleporter »)");
        sources.forEach(DeviceSource::close);
    }
}
