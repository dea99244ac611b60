package org.telestation.devices.serial.masimo;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.telestation.devices.serial.DecoderFuzzing;
import org.telestation.devices.serial.SerialProtocol;

/** Fuzz target: {@link MasimoAsciiDecoder} never throws and stays bounded on any input (see DecoderFuzzing). */
class MasimoAsciiDecoderFuzzTest {

    @FuzzTest(maxDuration = "35s")
    void decodesAnything(FuzzedDataProvider data) {
        DecoderFuzzing.check(SerialProtocol.MASIMO_ASCII, data);
    }
}
