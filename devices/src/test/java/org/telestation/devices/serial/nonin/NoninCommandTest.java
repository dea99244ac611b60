package org.telestation.devices.serial.nonin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telestation.devices.serial.Hex.bytes;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.telestation.devices.serial.Hex;

/** Nonin commands of standards.md §2.1 ("Commands" table). */
class NoninCommandTest {

    private final List<NoninCommand> commands = new ArrayList<>();
    private final NoninCommandDecoder decoder = new NoninCommandDecoder(commands::add);

    @Test
    void selectDataFormatBytes() {
        assertThat(Hex.of(NoninCommand.selectDataFormat(NoninDataFormat.DF13).encode())).isEqualTo("02 70 02 02 0D 03");
        assertThat(Hex.of(NoninCommand.selectDataFormat(NoninDataFormat.DF8).encode())).isEqualTo("02 70 02 02 08 03");
        assertThat(Hex.of(NoninCommand.selectDataFormat(NoninDataFormat.DF7).encode())).isEqualTo("02 70 02 02 07 03");
        assertThat(Hex.of(NoninCommand.selectDataFormat(NoninDataFormat.DF2).encode())).isEqualTo("02 70 02 02 02 03");
    }

    @Test
    void setClockVector() {
        LocalDateTime t = LocalDateTime.of(2050, 12, 31, 14, 30, 15);
        assertThat(Hex.of(NoninCommand.setClock(t).encode())).isEqualTo("02 72 06 32 0C 1F 0E 1E 0F 03");
        assertThat(Hex.of(NoninCommand.readClock().encode())).isEqualTo("02 72 00 03");
        assertThatThrownBy(() -> NoninCommand.setClock(LocalDateTime.of(2100, 1, 1, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodesCommandsAndClockReplyAmongNoise() {
        byte[] stream = Hex.concat(bytes("06 15 02 99 03"), NoninCommand.selectDataFormat(NoninDataFormat.DF8).encode(),
                bytes("02 70 02"), bytes("02 72 06 32 0C 1F 0E 1E 0F 03"), bytes("02 72 00 03"),
                bytes("02 F2 06 18 02 1D 17 3B 3B 03"), bytes("02 70 02 02 05 03"));
        Hex.feedByteByByte(decoder, stream);
        assertThat(commands).hasSize(5);
        assertThat(commands.get(0).requestedFormat()).isEqualTo(NoninDataFormat.DF8);
        assertThat(commands.get(1).clock()).isEqualTo(LocalDateTime.of(2050, 12, 31, 14, 30, 15));
        assertThat(commands.get(2)).isEqualTo(NoninCommand.readClock());
        assertThat(commands.get(3).op()).isEqualTo(NoninCommand.OP_CLOCK_REPLY);
        assertThat(commands.get(3).clock()).isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 59));
        assertThat(commands.get(4).requestedFormat()).as("format 5 does not exist: the device NAKs it").isNull();
    }
}
