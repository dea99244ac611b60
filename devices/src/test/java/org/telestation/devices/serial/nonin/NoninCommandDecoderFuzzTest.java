package org.telestation.devices.serial.nonin;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.telestation.devices.serial.DecoderFuzzing;

/** Fuzz target: {@link NoninCommandDecoder} never throws and stays bounded on any input (see DecoderFuzzing). */
class NoninCommandDecoderFuzzTest {

    @FuzzTest(maxDuration = "35s")
    void decodesAnything(FuzzedDataProvider data) {
        DecoderFuzzing.feed(data, new NoninCommandDecoder(c -> {
            c.requestedFormat();
            c.clock();
        }));
    }
}
