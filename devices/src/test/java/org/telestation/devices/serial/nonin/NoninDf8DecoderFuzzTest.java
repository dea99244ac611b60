package org.telestation.devices.serial.nonin;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.telestation.devices.serial.DecoderFuzzing;
import org.telestation.devices.serial.SerialProtocol;

/** Fuzz target: {@link NoninDf8Decoder} never throws and stays bounded on any input (see DecoderFuzzing). */
class NoninDf8DecoderFuzzTest {

    @FuzzTest(maxDuration = "35s")
    void decodesAnything(FuzzedDataProvider data) {
        DecoderFuzzing.check(SerialProtocol.NONIN_DF8, data);
    }
}
