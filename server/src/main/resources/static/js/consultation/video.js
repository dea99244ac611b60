// Conversation video. Built-in WebRTC by default: a mesh between the participants (doctor, nurse's screen, a third
// participant), signalling relayed by the server. With Jitsi configured, the Jitsi IFrame API with the server's token.
const box = document.getElementById('video');
const statusEl = () => box.querySelector('.video-status');
/** Shows a state in the page's language (the data-msg-* attributes of templates/consultation/video-box.html) and
 * names it in data-state. */
const say = (state) => {
  if (statusEl()) statusEl().textContent = box.getAttribute(`data-msg-${state}`);
  box.dataset.state = state;
};

async function start() {
  const config = await (await fetch(box.dataset.config, { headers: { Accept: 'application/json' } })).json();
  box.dataset.mode = config.mode;
  if (config.mode === 'jitsi') return jitsi(config.jitsi);
  return webrtc(config);
}

function jitsi(page) {
  const script = document.createElement('script');
  script.src = page.scriptUrl;
  script.onload = () => {
    // eslint-disable-next-line no-undef
    const api = new JitsiMeetExternalAPI(page.domain, { ...page.options, parentNode: box });
    api.addListener('videoConferenceJoined', () => say('connected'));
  };
  script.onerror = () => say('jitsi-unreachable');
  document.head.append(script);
}

async function webrtc(config) {
  let local = null;
  try {
    local = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    const v = document.createElement('video');
    v.muted = true; v.autoplay = true; v.playsInline = true; v.className = 'local'; v.srcObject = local;
    box.append(v);
  } catch (e) {
    say('receive-only');
  }
  const peers = new Map();
  const names = new Map(); // peer id → display name, from the server's welcome/joined messages
  // For diagnosis and the browser test: the peer connections and a summary of their getStats().
  const view = { id: null, startedAt: performance.now(), peers, stats: () => stats(peers) };
  window.telestationVideo = view;
  const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${config.signal}`);
  const send = (msg) => ws.send(JSON.stringify(msg));

  function peer(id, polite) {
    if (peers.has(id)) return peers.get(id);
    const pc = new RTCPeerConnection({ iceServers: config.iceServers });
    const state = { pc, polite, makingOffer: false, ignoreOffer: false };
    peers.set(id, state);
    if (local) for (const t of local.getTracks()) pc.addTrack(t, local);
    pc.onicecandidate = (e) => { if (e.candidate) send({ to: id, candidate: e.candidate }); };
    pc.onnegotiationneeded = async () => {
      try {
        state.makingOffer = true;
        await pc.setLocalDescription();
        send({ to: id, description: pc.localDescription });
      } finally { state.makingOffer = false; }
    };
    pc.ontrack = (e) => {
      let v = box.querySelector(`video[data-peer="${id}"]`);
      if (!v) {
        // Each remote participant large, with their name; one's own camera is the small mirrored inset.
        const figure = document.createElement('figure');
        figure.className = 'remote';
        figure.dataset.peer = id;
        v = document.createElement('video');
        v.autoplay = true; v.playsInline = true; v.dataset.peer = id;
        const caption = document.createElement('figcaption');
        caption.textContent = names.get(id) || '';
        figure.append(v, caption);
        box.append(figure);
      }
      v.srcObject = e.streams[0];
      say('connected');
    };
    pc.onconnectionstatechange = () => { box.dataset.peerState = pc.connectionState; };
    if (!local) pc.addTransceiver('video', { direction: 'recvonly' });
    return state;
  }

  ws.onmessage = async (m) => {
    const msg = JSON.parse(m.data);
    if (msg.type === 'welcome') {
      view.id = msg.id;
      say(msg.peers.length ? 'joining' : 'waiting');
      for (const p of msg.peers) { names.set(p.id, p.name); peer(p.id, false); } // the newcomer offers: impolite
    } else if (msg.type === 'joined') {
      names.set(msg.id, msg.name);
      peer(msg.id, true);
    } else if (msg.type === 'left') {
      peers.get(msg.id)?.pc.close();
      peers.delete(msg.id);
      box.querySelector(`figure[data-peer="${msg.id}"]`)?.remove();
    } else if (msg.from) {
      const s = peer(msg.from, true);
      if (msg.description) {
        const collision = msg.description.type === 'offer' && (s.makingOffer || s.pc.signalingState !== 'stable');
        s.ignoreOffer = !s.polite && collision;
        if (s.ignoreOffer) return;
        await s.pc.setRemoteDescription(msg.description);
        if (msg.description.type === 'offer') {
          await s.pc.setLocalDescription();
          send({ to: msg.from, description: s.pc.localDescription });
        }
      } else if (msg.candidate) {
        try { await s.pc.addIceCandidate(msg.candidate); } catch (e) { if (!s.ignoreOffer) throw e; }
      }
    }
  };
  ws.onclose = () => say('signalling-lost');
}

// Per remote peer: connection state, received video (frames decoded, size) and audio (samples), and the addresses of
// the selected ICE candidate pair.
async function stats(peers) {
  const out = [];
  for (const [id, { pc }] of peers) {
    const s = { peer: id, connectionState: pc.connectionState, framesDecoded: 0, frameWidth: 0, frameHeight: 0,
      totalSamplesReceived: 0 };
    const report = await pc.getStats();
    for (const r of report.values()) {
      if (r.type === 'inbound-rtp' && r.kind === 'video') {
        s.framesDecoded += r.framesDecoded || 0;
        s.frameWidth = r.frameWidth || s.frameWidth;
        s.frameHeight = r.frameHeight || s.frameHeight;
      } else if (r.type === 'inbound-rtp' && r.kind === 'audio') {
        s.totalSamplesReceived += r.totalSamplesReceived || 0;
      } else if (r.type === 'transport' && r.selectedCandidatePairId) {
        const pair = report.get(r.selectedCandidatePairId);
        const local = pair && report.get(pair.localCandidateId);
        const remote = pair && report.get(pair.remoteCandidateId);
        s.localAddress = local?.address ?? local?.ip;
        s.remoteAddress = remote?.address ?? remote?.ip;
        s.localCandidateType = local?.candidateType;
        s.remoteCandidateType = remote?.candidateType;
      }
    }
    out.push(s);
  }
  return out;
}

if (box) start().catch(() => say('unavailable'));
