package org.telestation.station.media;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCBundlePolicy;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCRtcpMuxPolicy;
import dev.onvoid.webrtc.media.SyncClock;
import dev.onvoid.webrtc.media.audio.AudioProcessing;
import dev.onvoid.webrtc.media.audio.AudioProcessingConfig;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telestation.devices.audio.AudioSource;
import org.telestation.devices.model.AudioChunk;
import org.telestation.devices.model.ImageFrame;
import org.telestation.devices.video.VideoSource;
import org.telestation.station.link.ControlMessage;
import org.telestation.station.outbox.Outbox;
import org.telestation.station.outbox.OutboxFullException;
import org.telestation.station.outbox.OutboxItem;
import org.telestation.station.outbox.OutboxItemTooLargeException;

/**
 * Publishes the cart's clinical media over WebRTC: the otoscope/dermatoscope camera as a video track and the
 * stethoscope as an unprocessed audio track ({@link UnprocessedAudio}), one send-only peer connection per viewer
 * session. The station always makes the offer (it has the tracks; the viewer only receives). Full-resolution
 * snapshots do not travel on the video track: {@link #snapshot()} puts the camera's still in the outbox, which
 * delivers it exactly once.
 *
 * <p>Signalling messages (docs/clinical-media.md §Signalling) come in through {@link #onSignal} and go out through the
 * sender given to the constructor; the transport is {@link MediaSignallingLink} in the agent.
 */
public final class ClinicalMediaPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClinicalMediaPublisher.class);
    static final String STREAM_ID = "clinical-media";
    /** Each viewer costs one encoder: a cart serves the doctor and perhaps a specialist, not an audience. */
    public static final int MAX_SESSIONS = 4;
    /** 10 ms: the chunk size WebRTC's audio pipeline works in. */
    static final int AUDIO_CHUNKS_PER_SECOND = 100;

    private final AudioProcessing audioProcessing;
    private final HeadlessAudioDeviceModule audioDevices;
    private final PeerConnectionFactory factory;
    private final SyncClock syncClock;
    private final VideoSource camera;
    private final AudioSource stethoscope;
    private final CustomVideoSource videoSource;
    private final CustomAudioSource audioSource;
    private final VideoTrack videoTrack;
    private final AudioTrack audioTrack;
    private final MediaPump videoPump;
    private final MediaPump audioPump;
    private final Outbox outbox;
    private final Consumer<String> signalOut;
    private final IceAddressFamilies families;
    private final Map<String, PeerSession> sessions = new ConcurrentHashMap<>();
    /** Signalling work runs here, never on WebRTC's own threads (blocking them stalls every peer connection). */
    private final ExecutorService signalling;
    private final AtomicLong videoFramesPushed = new AtomicLong();
    private final AtomicLong audioChunksPushed = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param camera      the live camera, or null when the cart has none
     * @param stethoscope the stethoscope, or null when the cart has none
     * @param outbox      where snapshots go; null refuses snapshots
     * @param signalOut   sends one signalling message (JSON text) to the server
     */
    public ClinicalMediaPublisher(VideoSource camera, AudioSource stethoscope, Outbox outbox,
                                  Consumer<String> signalOut) {
        this(camera, stethoscope, outbox, signalOut, IceAddressFamilies.ALL);
    }

    /** @param families the IP address families ICE may use ({@code telestation.media.ice-address-families}) */
    public ClinicalMediaPublisher(VideoSource camera, AudioSource stethoscope, Outbox outbox,
                                  Consumer<String> signalOut, IceAddressFamilies families) {
        this.families = families;
        this.camera = camera;
        this.stethoscope = stethoscope;
        this.outbox = outbox;
        this.signalOut = signalOut;
        this.audioProcessing = new AudioProcessing();
        // Never the default module: without a sound server it aborts the JVM (design.md §1).
        this.audioDevices = new HeadlessAudioDeviceModule();
        this.factory = new PeerConnectionFactory(audioDevices, audioProcessing);
        // After the factory: libwebrtc's voice engine applies its default audio options (all on) to the module when
        // it starts, so a configuration applied before would not survive.
        audioProcessing.applyConfig(UnprocessedAudio.config());
        this.syncClock = new SyncClock();
        this.signalling = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "media-signalling");
            t.setDaemon(true);
            return t;
        });
        if (camera != null) {
            videoSource = new CustomVideoSource(syncClock);
            videoTrack = factory.createVideoTrack("camera", videoSource);
            videoPump = new MediaPump("media-video", this::pushVideoFrame, () -> deviceLost("video"));
        } else {
            videoSource = null;
            videoTrack = null;
            videoPump = null;
        }
        if (stethoscope != null) {
            audioSource = new CustomAudioSource(syncClock);
            audioTrack = factory.createAudioTrack("stethoscope", audioSource);
            audioPump = new MediaPump("media-audio", this::pushAudioChunk, () -> deviceLost("audio"));
        } else {
            audioSource = null;
            audioTrack = null;
            audioPump = null;
        }
    }

    private boolean pushVideoFrame() throws IOException {
        ImageFrame frame;
        // Cameras are not thread-safe: a snapshot waits for the live frame in progress (at most one frame time).
        synchronized (camera) {
            frame = camera.nextFrame();
        }
        if (frame == null) return false;
        VideoFrame native_ = I420Frames.toVideoFrame(frame, syncClock.getTimestampUs() * 1000);
        try {
            videoSource.pushFrame(native_);
        } finally {
            native_.release();
        }
        videoFramesPushed.incrementAndGet();
        return true;
    }

    private boolean pushAudioChunk() throws IOException {
        var format = stethoscope.format();
        AudioChunk chunk = stethoscope.read(format.sampleRateHz() / AUDIO_CHUNKS_PER_SECOND);
        if (chunk == null) return false;
        if (format.bigEndian()) throw new IOException("big-endian capture reached the publisher");
        // webrtc-java 0.14.0's headless device module starts a 10 ms "capture" thread whenever WebRTC starts a sending
        // audio stream, and that thread feeds the same stream as this source: silence interleaved with the heart
        // sound, and a fatal race check in audio_send_stream.cc that aborts the JVM (seen in ClinicalMediaTest).
        // Stopping it before each push (a no-op when stopped; it joins the thread when running) leaves this
        // thread the only writer. Later webrtc-java releases no longer run that thread (docs/clinical-media.md).
        audioDevices.stopRecording();
        audioSource.pushAudio(chunk.pcm16le(), 16, chunk.sampleRateHz(), chunk.channels(), chunk.frameCount());
        audioChunksPushed.incrementAndGet();
        return true;
    }

    private void deviceLost(String what) {
        log.warn("clinical {} source lost", what);
        for (String session : sessions.keySet()) {
            send(ControlMessage.object("media-status").put("session", session).put(what, "lost"));
        }
    }

    /** Handles one signalling message from the server; unknown or malformed ones are answered, never fatal. */
    public void onSignal(ControlMessage m) {
        if (closed) return;
        signalling.execute(() -> {
            try {
                handle(m);
            } catch (RuntimeException e) {
                log.warn("media signal {} not handled: {}", m.type(), e.toString());
                String session = m.textField("session");
                if (session != null) fail(session, "internal error");
            }
        });
    }

    /** Handles one message on the calling thread; package-private for the fuzz target. */
    void handle(ControlMessage m) {
        String session = m.textField("session");
        if (session == null || session.isEmpty() || session.length() > 64) return;
        switch (m.type()) {
            case "media-request" -> open(session, m);
            case "answer" -> {
                PeerSession s = sessions.get(session);
                String sdp = m.textField("sdp");
                if (s != null && sdp != null) s.accept(sdp);
            }
            case "candidate" -> {
                PeerSession s = sessions.get(session);
                String candidate = m.textField("candidate");
                if (s != null && candidate != null) {
                    s.addRemoteCandidate(m.textField("sdpMid"), (int) m.longField("sdpMLineIndex", 0), candidate);
                }
            }
            case "hangup" -> close(session);
            case "snapshot" -> snapshotFor(session);
            default -> log.debug("media signal {} ignored", m.type());
        }
    }

    private void open(String session, ControlMessage m) {
        if (sessions.containsKey(session)) return;
        if (sessions.size() >= MAX_SESSIONS) {
            fail(session, "too many viewers");
            return;
        }
        if (videoTrack == null && audioTrack == null) {
            fail(session, "no camera or stethoscope on this station");
            return;
        }
        if (!hasNonLoopbackInterface()) {
            log.warn("no network interface but loopback is up: only a TURN relay can carry session {}", session);
        }
        RTCConfiguration config = new RTCConfiguration();
        config.iceServers = new ArrayList<>(IceServers.parse(m.body().get("iceServers")));
        config.bundlePolicy = RTCBundlePolicy.MAX_BUNDLE;
        config.rtcpMuxPolicy = RTCRtcpMuxPolicy.REQUIRE;
        PeerSession s = new PeerSession(session, factory, config, families, videoTrack, audioTrack, this::send,
                () -> signalling.execute(() -> close(session)));
        sessions.put(session, s);
        updatePumps();
        s.offer();
        log.info("clinical media session {} opened ({} ICE servers)", session, config.iceServers.size());
    }

    private void close(String session) {
        PeerSession s = sessions.remove(session);
        if (s == null) return;
        s.close();
        updatePumps();
        log.info("clinical media session {} closed", session);
    }

    private void updatePumps() {
        boolean any = !sessions.isEmpty();
        if (videoPump != null) videoPump.setActive(any);
        if (audioPump != null) audioPump.setActive(any);
    }

    private void snapshotFor(String session) {
        try {
            OutboxItem item = snapshot();
            send(ControlMessage.object("snapshot-stored").put("session", session).put("key", item.idempotencyKey()));
        } catch (OutboxFullException e) {
            fail(session, "outbox full: snapshot not stored");
        } catch (OutboxItemTooLargeException e) {
            fail(session, "snapshot too large to be sent: not stored");
        } catch (IOException | SQLException | IllegalStateException e) {
            fail(session, "snapshot failed: " + e.getMessage());
        }
    }

    /**
     * Takes a full-resolution still from the camera and puts it in the outbox (kind IMAGE, stream = the camera's
     * device id), without interrupting the live track.
     */
    public OutboxItem snapshot() throws IOException, SQLException, OutboxFullException, OutboxItemTooLargeException {
        if (camera == null) throw new IllegalStateException("no camera on this station");
        if (outbox == null) throw new IllegalStateException("no outbox for snapshots");
        ImageFrame still;
        synchronized (camera) {
            still = camera.captureStill();
        }
        return outbox.enqueue(camera.device().id(), "IMAGE", still.format(), still.data());
    }

    private void fail(String session, String why) {
        send(ControlMessage.object("media-error").put("session", session).put("message", why));
        close(session);
    }

    private void send(ObjectNode message) {
        try {
            signalOut.accept(message.toString());
        } catch (RuntimeException e) {
            log.debug("media signal not sent: {}", e.toString());
        }
    }

    /** Drops every session: the signalling link went down, so no answer or candidate can reach them any more. */
    public void dropAllSessions() {
        // The link reports its end when the agent shuts down too, possibly after close() stopped the executor,
        // which has then closed every session already.
        if (closed) return;
        try {
            signalling.execute(() -> List.copyOf(sessions.keySet()).forEach(this::close));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("publisher closed while the link went down");
        }
    }

    /**
     * True when some network interface other than loopback is up with an address: WebRTC gathers no host candidate on
     * loopback, so without one only a TURN relay could carry the media (docs/decisions/0007-webrtc-loopback.md).
     */
    public static boolean hasNonLoopbackInterface() {
        try {
            return java.net.NetworkInterface.networkInterfaces().anyMatch(n -> {
                try {
                    return n.isUp() && !n.isLoopback() && n.inetAddresses().findAny().isPresent();
                } catch (java.net.SocketException e) {
                    return false;
                }
            });
        } catch (java.net.SocketException e) {
            return false;
        }
    }

    public int sessionCount() {
        return sessions.size();
    }

    public long videoFramesPushed() {
        return videoFramesPushed.get();
    }

    public long audioChunksPushed() {
        return audioChunksPushed.get();
    }

    /** The audio processing the factory was built with (the stethoscope needs it all off). */
    public AudioProcessing audioProcessing() {
        return audioProcessing;
    }

    public AudioProcessingConfig audioProcessingConfig() {
        return UnprocessedAudio.config();
    }

    /** The session's WebRTC peer connection state, or null when there is no such session. */
    public String connectionState(String session) {
        PeerSession s = sessions.get(session);
        return s == null ? null : s.connectionState();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            signalling.submit(() -> List.copyOf(sessions.keySet()).forEach(this::close)).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("media sessions not closed cleanly: {}", e.toString());
        }
        signalling.shutdownNow();
        if (videoPump != null) videoPump.close();
        if (audioPump != null) audioPump.close();
        Natives.dispose("video track", videoTrack == null ? null : videoTrack::dispose);
        Natives.dispose("audio track", audioTrack == null ? null : audioTrack::dispose);
        Natives.dispose("video source", videoSource == null ? null : videoSource::dispose);
        Natives.dispose("audio source", audioSource == null ? null : audioSource::dispose);
        Natives.dispose("factory", factory::dispose);
        Natives.dispose("audio device module", audioDevices::dispose);
        Natives.dispose("audio processing", audioProcessing::dispose);
        Natives.dispose("sync clock", syncClock::dispose);
    }
}
