package org.telestation.bench.media;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.telestation.devices.audio.HeartSoundSimulator;
import org.telestation.devices.model.ImageFrame;
import org.telestation.devices.retinograph.DecodedImage;
import org.telestation.devices.retinograph.FundusSimulator;
import org.telestation.devices.retinograph.ImageDecodeException;
import org.telestation.devices.retinograph.ImageDecoders;
import org.telestation.devices.video.OtoscopeSimulator;
import org.telestation.devices.video.VideoMode;

/**
 * Simulators and import decoding. heartSound1s: one second of 4 kHz sound per op (ops/s = × real time).
 * otoscopeFrame: one 640×480 I420 frame per op (× real time = ops/s ÷ 30). importCheckJpeg/Png: the import's
 * marker/chunk walk over a 1600×1600 fundus photograph (MB/s = ops/s × file size, printed at setup).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MediaSimulatorBenchmark {
    private HeartSoundSimulator heart;
    private OtoscopeSimulator otoscope;
    private ImageDecoders decoders;
    private byte[] fundusJpeg, fundusPng;

    @Setup
    public void setUp() throws Exception {
        heart = new HeartSoundSimulator(4000, 72, true, 1);
        otoscope = new OtoscopeSimulator(new VideoMode(640, 480, 30), 1920, 1440, Clock.systemUTC(), false, 1, -1);
        decoders = ImageDecoders.standard();
        FundusSimulator fundus = new FundusSimulator(1600, 1);
        fundusJpeg = fundus.jpeg("R", Set.of(FundusSimulator.Lesion.EXUDATES), 1);
        fundusPng = fundus.png("R", Set.of(FundusSimulator.Lesion.EXUDATES), 1);
        System.out.printf("%nfundus JPEG %d bytes, PNG %d bytes%n", fundusJpeg.length, fundusPng.length);
    }

    @Benchmark
    public byte[] heartSound1s() {
        return heart.next(4000);
    }

    @Benchmark
    public ImageFrame otoscopeFrame() throws Exception {
        return otoscope.nextFrame();
    }

    @Benchmark
    public DecodedImage importCheckJpeg() throws ImageDecodeException {
        return decoders.decode(fundusJpeg);
    }

    @Benchmark
    public DecodedImage importCheckPng() throws ImageDecodeException {
        return decoders.decode(fundusPng);
    }
}
