package org.telestation.station.media;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCRtpTransceiverInit;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telestation.station.link.ControlMessage;

/**
 * One viewer's send-only peer connection. The station offers; remote candidates that arrive before the answer wait
 * until it is applied. A failed or closed connection asks the publisher to drop the session.
 */
final class PeerSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PeerSession.class);
    /** Remote candidates held before the answer; a viewer sends a handful, more is not a browser. */
    static final int MAX_PENDING_CANDIDATES = 64;

    private final String id;
    private final RTCPeerConnection connection;
    private final Consumer<ObjectNode> signalOut;
    private final Runnable onEnded;
    private final IceAddressFamilies families;
    private final List<RTCIceCandidate> pendingCandidates = new ArrayList<>();
    private boolean remoteDescriptionSet;
    private volatile RTCPeerConnectionState state = RTCPeerConnectionState.NEW;
    private volatile boolean closed;

    PeerSession(String id, PeerConnectionFactory factory, RTCConfiguration config, IceAddressFamilies families,
                MediaStreamTrack video, MediaStreamTrack audio, Consumer<ObjectNode> signalOut, Runnable onEnded) {
        this.id = id;
        this.families = families;
        this.signalOut = signalOut;
        this.onEnded = onEnded;
        this.connection = factory.createPeerConnection(config, new Observer());
        for (MediaStreamTrack track : new MediaStreamTrack[] {video, audio}) {
            if (track == null) continue;
            RTCRtpTransceiverInit init = new RTCRtpTransceiverInit();
            init.direction = RTCRtpTransceiverDirection.SEND_ONLY;
            init.streamIds = List.of(ClinicalMediaPublisher.STREAM_ID);
            connection.addTransceiver(track, init);
        }
    }

    void offer() {
        connection.createOffer(new RTCOfferOptions(), new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription offer) {
                connection.setLocalDescription(offer, new SetSessionDescriptionObserver() {
                    @Override
                    public void onSuccess() {
                        signalOut.accept(ControlMessage.object("offer").put("session", id)
                                .put("sdp", families.filterSdp(offer.sdp)));
                    }

                    @Override
                    public void onFailure(String error) {
                        failed("local description refused: " + error);
                    }
                });
            }

            @Override
            public void onFailure(String error) {
                failed("offer not created: " + error);
            }
        });
    }

    /** Applies the viewer's answer, then the candidates that came early. */
    void accept(String answerSdp) {
        connection.setRemoteDescription(new RTCSessionDescription(RTCSdpType.ANSWER,
                        OpusClinicalParameters.apply(families.filterSdp(answerSdp))),
                new SetSessionDescriptionObserver() {
                    @Override
                    public void onSuccess() {
                        List<RTCIceCandidate> early;
                        synchronized (PeerSession.this) {
                            remoteDescriptionSet = true;
                            early = List.copyOf(pendingCandidates);
                            pendingCandidates.clear();
                        }
                        early.forEach(PeerSession.this::addSafely);
                    }

                    @Override
                    public void onFailure(String error) {
                        failed("answer refused: " + error);
                    }
                });
    }

    void addRemoteCandidate(String sdpMid, int sdpMLineIndex, String candidate) {
        if (candidate.isEmpty()) return; // end-of-candidates marker
        if (!families.allows(candidate)) return;
        RTCIceCandidate c = new RTCIceCandidate(sdpMid, sdpMLineIndex, candidate);
        synchronized (this) {
            if (!remoteDescriptionSet) {
                if (pendingCandidates.size() < MAX_PENDING_CANDIDATES) pendingCandidates.add(c);
                return;
            }
        }
        addSafely(c);
    }

    private void addSafely(RTCIceCandidate c) {
        try {
            connection.addIceCandidate(c);
        } catch (RuntimeException e) {
            log.debug("session {}: candidate refused: {}", id, e.toString());
        }
    }

    String connectionState() {
        return state.name();
    }

    private void failed(String why) {
        log.warn("clinical media session {}: {}", id, why);
        signalOut.accept(ControlMessage.object("media-error").put("session", id).put("message", why));
        onEnded.run();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        connection.close();
    }

    private final class Observer implements PeerConnectionObserver {
        @Override
        public void onIceCandidate(RTCIceCandidate c) {
            if (!families.allows(c.sdp)) return;
            signalOut.accept(ControlMessage.object("candidate").put("session", id).put("candidate", c.sdp)
                    .put("sdpMid", c.sdpMid).put("sdpMLineIndex", c.sdpMLineIndex));
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState newState) {
            state = newState;
            log.info("clinical media session {}: {}", id, newState);
            if (!closed && (newState == RTCPeerConnectionState.FAILED || newState == RTCPeerConnectionState.CLOSED)) {
                onEnded.run();
            }
        }
    }
}
