// Clinical media viewer on the admitting doctor's session page and an invited specialist's guest page: receives the
// station's otoscope video and stethoscope audio over WebRTC. The station offers (it owns the tracks); this page only
// answers. Signalling goes through the consultation's media socket named by data-ws (/ws/consultation/{id}/media for
// the doctor, /public/consultation/{id}/media for a guest), which stamps our session id on everything we send.
// The full-resolution photo is a measurement request (the session page's form), not a frame of this video.
// Every word comes from the page's data-msg-* attributes ({0} filled in here).
const root = document.getElementById('clinical-media');
const video = document.getElementById('media-video');
const audio = document.getElementById('media-audio');
const stateEl = document.getElementById('media-state');
const fullscreenButton = document.getElementById('media-fullscreen');
const msg = (name) => root.dataset['msg' + name.replace(/(^|-)(\w)/g, (m, d, c) => c.toUpperCase())];

const startedAt = performance.now();
let pc = null;
let socket = null;
let firstFrameMs = null;

// States after which a closing socket is not "the cart is offline": the page already says why.
const FINAL_STATES = new Set(['failed', 'full', 'refused']);

function setState(name, ...args) {
  stateEl.textContent = msg(name).replace(/\{(\d+)\}/g, (m, i) => args[i] ?? m);
  stateEl.dataset.state = name;
}

function send(message) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}

function newPeer(iceServers) {
  if (pc) pc.close();
  pc = new RTCPeerConnection({ iceServers, bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
  const stream = new MediaStream();
  video.srcObject = stream;
  audio.srcObject = stream;
  pc.ontrack = (e) => stream.addTrack(e.track);
  pc.onicecandidate = (e) => {
    if (e.candidate) {
      send({ type: 'candidate', candidate: e.candidate.candidate, sdpMid: e.candidate.sdpMid,
             sdpMLineIndex: e.candidate.sdpMLineIndex });
    }
  };
  pc.onconnectionstatechange = () => {
    if (pc.connectionState === 'connected') setState('live');
    if (pc.connectionState === 'failed') setState('failed');
  };
}

async function onMessage(m) {
  switch (m.type) {
    case 'config': newPeer(m.iceServers || []); break;
    case 'offer':
      await pc.setRemoteDescription({ type: 'offer', sdp: m.sdp });
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      send({ type: 'answer', sdp: answer.sdp });
      break;
    case 'candidate':
      try {
        await pc.addIceCandidate({ candidate: m.candidate, sdpMid: m.sdpMid, sdpMLineIndex: m.sdpMLineIndex });
      } catch (e) { /* a candidate for a transport bundling removed: harmless */ }
      break;
    case 'station-offline': setState('offline'); break;
    case 'media-error': setState('failed'); break;
    // The station's publisher serves a few sessions only; the server says so before closing this socket.
    case 'viewer-limit': setState('full', m.max); break;
    default: break;
  }
}

function connect() {
  const url = new URL(root.dataset.ws, location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  socket = new WebSocket(url);
  let opened = false;
  socket.onopen = () => { opened = true; };
  socket.onmessage = (e) => { try { onMessage(JSON.parse(e.data)); } catch (err) { console.warn(err); } };
  socket.onclose = () => {
    if (FINAL_STATES.has(stateEl.dataset.state)) return;
    // Never opened: the handshake was refused (consultation no longer in progress, access without clinical media).
    setState(opened ? 'offline' : 'refused');
  };
}

// The otoscope picture is examined best at full screen (ear drum, skin lesion).
fullscreenButton?.addEventListener('click', () => video.requestFullscreen?.());

video.addEventListener('resize', () => {
  document.getElementById('media-resolution').textContent = video.videoWidth + '×' + video.videoHeight;
});

// Stream health, read by the clinician and by the browser test.
window.clinicalMediaStats = async () => {
  const out = { framesDecoded: 0, frameWidth: 0, frameHeight: 0, totalSamplesReceived: 0, firstFrameMs: firstFrameMs,
                connectionState: pc ? pc.connectionState : 'none' };
  if (!pc) return out;
  const report = await pc.getStats();
  report.forEach((s) => {
    if (s.type === 'transport' && s.selectedCandidatePairId) {
      const pair = report.get(s.selectedCandidatePairId);
      const local = pair && report.get(pair.localCandidateId);
      const remote = pair && report.get(pair.remoteCandidateId);
      out.localAddress = local?.address ?? null;
      out.remoteAddress = remote?.address ?? null;
    }
    if (s.type !== 'inbound-rtp') return;
    if (s.kind === 'video') {
      out.framesDecoded = s.framesDecoded || 0;
      out.frameWidth = s.frameWidth || 0;
      out.frameHeight = s.frameHeight || 0;
    } else if (s.kind === 'audio') {
      out.totalSamplesReceived = s.totalSamplesReceived || 0;
    }
  });
  if (out.framesDecoded > 0 && firstFrameMs === null) {
    firstFrameMs = Math.round(performance.now() - startedAt);
    out.firstFrameMs = firstFrameMs;
    document.getElementById('media-first-frame').textContent = firstFrameMs + ' ms';
  }
  return out;
};
// Time to first frame, measured from page start; polled lightly so it is known without the test asking.
const poll = setInterval(async () => { const s = await window.clinicalMediaStats(); if (s.firstFrameMs !== null) clearInterval(poll); }, 100);

setState('connecting');
connect();
