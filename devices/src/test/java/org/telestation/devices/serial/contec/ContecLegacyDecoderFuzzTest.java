package org.telestation.devices.serial.contec;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.telestation.devices.serial.DecoderFuzzing;
import org.telestation.devices.serial.SerialProtocol;

/** Fuzz target: {@link ContecLegacyDecoder} never throws and stays bounded on any input (see DecoderFuzzing). */
class ContecLegacyDecoderFuzzTest {

    @FuzzTest(maxDuration = "35s")
    void decodesAnything(FuzzedDataProvider data) {
        DecoderFuzzing.check(SerialProtocol.CONTEC_LEGACY, data);
    }
}
