package org.telestation.station.media;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.telestation.station.link.ControlMessage;

/**
 * A receive-only WebRTC peer in Java, standing in for the doctor's browser where no browser runs: the publisher's
 * tests and {@link PublisherCpuProbe}. It answers the publisher's offer and counts what it decodes.
 */
public final class ProbeViewer implements AutoCloseable {
    private final String session;
    private final HeadlessAudioDeviceModule audioDevices = new HeadlessAudioDeviceModule();
    private final PeerConnectionFactory factory = new PeerConnectionFactory(audioDevices);
    private final RTCPeerConnection connection;
    private final Consumer<String> signalOut;
    private final AtomicLong videoFrames = new AtomicLong();
    private final AtomicLong audioFrames = new AtomicLong();
    private final AtomicInteger width = new AtomicInteger();
    private final AtomicInteger height = new AtomicInteger();
    private final AtomicLong firstVideoFrameNanos = new AtomicLong();
    private final AtomicLong firstAudioNanos = new AtomicLong();
    private volatile int audioSampleRate;
    /** Sum of squares and count of received samples, for the level check; guarded by itself. */
    private final double[] audioEnergy = new double[2];

    /** @param signalOut receives this viewer's answer and candidates, as the server would relay them */
    public ProbeViewer(String session, Consumer<String> signalOut) {
        this.session = session;
        this.signalOut = signalOut;
        this.connection = factory.createPeerConnection(new RTCConfiguration(), new PeerConnectionObserver() {
            @Override
            public void onIceCandidate(RTCIceCandidate c) {
                send(ControlMessage.object("candidate").put("session", session).put("candidate", c.sdp)
                        .put("sdpMid", c.sdpMid).put("sdpMLineIndex", c.sdpMLineIndex));
            }

            @Override
            public void onTrack(RTCRtpTransceiver transceiver) {
                MediaStreamTrack track = transceiver.getReceiver().getTrack();
                if (track instanceof VideoTrack video) {
                    video.addSink(frame -> {
                        firstVideoFrameNanos.compareAndSet(0, System.nanoTime());
                        width.set(frame.buffer.getWidth());
                        height.set(frame.buffer.getHeight());
                        videoFrames.incrementAndGet();
                    });
                } else if (track instanceof AudioTrack audio) {
                    audio.addSink((data, bitsPerSample, sampleRate, channels, frames) -> {
                        firstAudioNanos.compareAndSet(0, System.nanoTime());
                        audioSampleRate = sampleRate;
                        audioFrames.addAndGet(frames);
                        if (bitsPerSample == 16) accumulate(data, frames * channels);
                    });
                }
            }
        });
    }

    private void accumulate(byte[] pcm16le, int samples) {
        double sum = 0;
        int n = Math.min(samples, pcm16le.length / 2);
        for (int i = 0; i < n; i++) {
            short v = (short) ((pcm16le[2 * i] & 0xff) | (pcm16le[2 * i + 1] << 8));
            sum += (double) v * v;
        }
        synchronized (audioEnergy) {
            audioEnergy[0] += sum;
            audioEnergy[1] += n;
        }
    }

    /** Starts a new level measurement window. */
    public void resetAudioLevel() {
        synchronized (audioEnergy) {
            audioEnergy[0] = 0;
            audioEnergy[1] = 0;
        }
    }

    /** RMS of the decoded audio since the last reset, in PCM16 units (0 when nothing arrived). */
    public double audioRms() {
        synchronized (audioEnergy) {
            return audioEnergy[1] == 0 ? 0 : Math.sqrt(audioEnergy[0] / audioEnergy[1]);
        }
    }

    /** The publisher's messages for this session: offer and candidates. */
    public void onSignal(ControlMessage m) {
        if (!session.equals(m.textField("session"))) return;
        switch (m.type()) {
            case "offer" -> answer(m.textField("sdp"));
            case "candidate" -> connection.addIceCandidate(new RTCIceCandidate(m.textField("sdpMid"),
                    (int) m.longField("sdpMLineIndex", 0), m.textField("candidate")));
            default -> { }
        }
    }

    private void answer(String offerSdp) {
        connection.setRemoteDescription(new RTCSessionDescription(RTCSdpType.OFFER, offerSdp), new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                connection.createAnswer(new RTCAnswerOptions(), new CreateSessionDescriptionObserver() {
                    @Override
                    public void onSuccess(RTCSessionDescription answer) {
                        connection.setLocalDescription(answer, new SetSessionDescriptionObserver() {
                            @Override
                            public void onSuccess() {
                                send(ControlMessage.object("answer").put("session", session).put("sdp", answer.sdp));
                            }

                            @Override
                            public void onFailure(String error) {
                                throw new IllegalStateException(error);
                            }
                        });
                    }

                    @Override
                    public void onFailure(String error) {
                        throw new IllegalStateException(error);
                    }
                });
            }

            @Override
            public void onFailure(String error) {
                throw new IllegalStateException(error);
            }
        });
    }

    private void send(ObjectNode message) {
        signalOut.accept(message.toString());
    }

    public long videoFrames() {
        return videoFrames.get();
    }

    public long audioFrames() {
        return audioFrames.get();
    }

    public int width() {
        return width.get();
    }

    public int height() {
        return height.get();
    }

    public int audioSampleRate() {
        return audioSampleRate;
    }

    /** System.nanoTime() of the first decoded video frame, or 0. */
    public long firstVideoFrameNanos() {
        return firstVideoFrameNanos.get();
    }

    public long firstAudioNanos() {
        return firstAudioNanos.get();
    }

    public String connectionState() {
        return connection.getConnectionState().name();
    }

    @Override
    public void close() {
        connection.close();
        Natives.dispose("factory", factory::dispose);
        Natives.dispose("audio device module", audioDevices::dispose);
    }
}
