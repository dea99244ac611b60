// Live device panel: decodes the station's binary frames (docs/wire-protocol.md §3), draws each waveform channel
// on a canvas, shows spot values with their measured delay (station receipt → this screen, on the server's clock)
// and marks a stream stale when it stops instead of leaving a frozen number.
const root = document.getElementById('live');
const SPOT_UNITS = { OXYGEN_SATURATION: '%', PULSE_RATE: '/min', HEART_RATE: '/min', SYSTOLIC_PRESSURE: 'mmHg',
  DIASTOLIC_PRESSURE: 'mmHg', MEAN_ARTERIAL_PRESSURE: 'mmHg', BODY_TEMPERATURE: '°C', RESPIRATORY_RATE: '/min' };
// The words come from the page's language: the template's data-msg-* attributes (templates/consultation/live-panel.html).
const text = (key) => root.getAttribute(`data-msg-${key.toLowerCase()}`);
const format = (key, ...args) => text(key).replace(/\{(\d+)\}/g, (m, i) => args[i]);
/** The label of one of the station's codes (sign, device kind, state); an unknown code is shown as it is. */
const named = (group, code) => text(`${group}-${code}`) ?? code;
const STALE_SPOT_MS = 5000;
const STALE_WAVE_MS = 1500;
const WINDOW_S = 6;

/** Decodes one live frame; throws on anything malformed (the server checked the header only). */
export function decodeFrame(buffer) {
  const v = new DataView(buffer);
  let p = 0;
  const u8 = () => v.getUint8(p++);
  const str = () => { const n = u8(); const s = new TextDecoder().decode(new Uint8Array(buffer, p, n)); p += n; return s; };
  if (u8() !== 0x54 || u8() !== 0x4c || u8() !== 1 || u8() !== 1) throw new Error('bad header');
  const stationTimeMs = Number(v.getBigInt64(p)); p += 8;
  const clockOffsetMs = v.getInt32(p); p += 4;
  const count = v.getUint16(p); p += 2;
  const entries = [];
  for (let i = 0; i < count; i++) {
    const tag = u8();
    const deviceId = str();
    if (tag === 1) {
      const channel = str();
      const rate = v.getFloat32(p); p += 4;
      const startTimeMs = Number(v.getBigInt64(p)); p += 8;
      const scale = v.getFloat32(p); p += 4;
      const offset = v.getFloat32(p); p += 4;
      const unit = str();
      const n = v.getUint16(p); p += 2;
      const samples = new Int16Array(n);
      for (let k = 0; k < n; k++) { samples[k] = v.getInt16(p); p += 2; }
      entries.push({ kind: 'wave', deviceId, channel, rate, startTimeMs, scale, offset, unit, samples });
    } else if (tag === 2) {
      const sign = str();
      const value = v.getFloat64(p); p += 8;
      const deviceTimeMs = Number(v.getBigInt64(p)); p += 8;
      const receiptTimeMs = Number(v.getBigInt64(p)); p += 8;
      const flags = v.getUint32(p); p += 4;
      entries.push({ kind: 'spot', deviceId, sign, value, deviceTimeMs, receiptTimeMs, flags });
    } else throw new Error('bad tag');
  }
  return { stationTimeMs, clockOffsetMs, entries };
}

if (root) {
  // Keyed by device AND sign: a cart may have several oximeters, and a tile must never switch between them.
  const spots = new Map();   // device/sign → {value, receivedAt, delay, el}
  const devices = new Map(); // device id → {kind, model}, from the station's status messages
  const waves = new Map();   // device/channel → {ring, rate, lastAt, canvas}
  let serverMinusBrowser = 0;
  let bestRtt = Infinity;
  const serverNow = () => Date.now() + serverMinusBrowser;
  const linkEl = root.querySelector('.live-link');

  /** "Oxymètre Nonin 3150" ("Pulse oximeter …" in English), or the kind alone, or the id until the station's status
   * names the device. */
  function deviceLabel(id) {
    const d = devices.get(id);
    if (!d) return id;
    const kind = named('kind', d.kind);
    // "Thermomètre (simulateur)" already says what it is: no "Thermomètre Thermomètre (simulateur)".
    if (d.model && kind && d.model.toLowerCase().startsWith(kind.toLowerCase())) return d.model;
    return [kind, d.model].filter(Boolean).join(' ');
  }

  /** The device's group of tiles (one card per device: its values side by side under its name). */
  function group(deviceId) {
    let g = [...document.querySelectorAll('#live-values .live-group')].find((el) => el.dataset.device === deviceId);
    if (!g) {
      g = document.createElement('div');
      g.className = 'live-group';
      g.dataset.device = deviceId;
      g.innerHTML = '<span class="live-group-title"></span><div class="live-group-values"></div>';
      g.querySelector('.live-group-title').textContent = deviceLabel(deviceId);
      document.getElementById('live-values').append(g);
    }
    return g.querySelector('.live-group-values');
  }

  function spot(e, offset) {
    const key = `${e.deviceId}/${e.sign}`;
    let s = spots.get(key);
    if (!s) {
      const el = document.createElement('div');
      el.className = 'live-value';
      el.dataset.sign = e.sign;
      el.dataset.device = e.deviceId;
      el.innerHTML = '<span class="label"></span> <span class="value"></span> <span class="delay"></span>';
      el.querySelector('.label').textContent = named('sign', e.sign);
      group(e.deviceId).append(el);
      s = { el };
      spots.set(key, s);
    }
    s.value = e.value;
    s.receivedAt = Date.now();
    // receipt at the station (station clock) + offset = receipt on the server clock
    s.delay = Math.max(0, Math.round(serverNow() - (e.receiptTimeMs + offset)));
    s.el.querySelector('.value').textContent =
      `${Number.isInteger(e.value) ? e.value : e.value.toFixed(1)} ${SPOT_UNITS[e.sign] || ''}`;
    s.el.querySelector('.delay').textContent = format('delay', s.delay);
    s.el.dataset.delayMs = s.delay;
  }

  function wave(e) {
    const key = `${e.deviceId}/${e.channel}`;
    let w = waves.get(key);
    if (!w) {
      const box = document.createElement('div');
      box.className = 'live-wave';
      box.dataset.channel = e.channel;
      box.dataset.device = e.deviceId;
      const title = document.createElement('span');
      title.className = 'title';
      title.dataset.channel = e.channel === 'PLETH' ? text('wave-pleth') : format('wave-lead', e.channel);
      title.textContent = `${title.dataset.channel} — ${deviceLabel(e.deviceId)}`;
      const canvas = document.createElement('canvas');
      canvas.width = 600; canvas.height = 120;
      box.append(title, canvas);
      document.getElementById('live-waves').append(box);
      w = { ring: new Float32Array(Math.ceil(e.rate * WINDOW_S)), pos: 0, total: 0, canvas, box };
      waves.set(key, w);
    }
    for (const s of e.samples) { w.ring[w.pos] = s * e.scale + e.offset; w.pos = (w.pos + 1) % w.ring.length; w.total++; }
    w.lastAt = Date.now();
    w.box.dataset.samples = w.total;
  }

  function draw() {
    const now = Date.now();
    for (const w of waves.values()) {
      const stale = now - w.lastAt > STALE_WAVE_MS;
      w.box.classList.toggle('stale', stale);
      const g = w.canvas.getContext('2d');
      g.clearRect(0, 0, w.canvas.width, w.canvas.height);
      let min = Infinity; let max = -Infinity;
      for (const v of w.ring) { if (v < min) min = v; if (v > max) max = v; }
      if (max - min < 1e-9) { max = min + 1; }
      g.strokeStyle = stale ? '#999' : '#0a7d3b';
      g.beginPath();
      const n = w.ring.length;
      for (let i = 0; i < n; i++) {
        const v = w.ring[(w.pos + i) % n];
        const x = (i / n) * w.canvas.width;
        const y = w.canvas.height - ((v - min) / (max - min)) * (w.canvas.height - 10) - 5;
        if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
      }
      g.stroke();
    }
    for (const s of spots.values()) {
      const stale = now - s.receivedAt > STALE_SPOT_MS;
      s.el.classList.toggle('stale', stale);
      if (stale) s.el.querySelector('.delay').textContent = text('stale');
    }
    requestAnimationFrame(draw);
  }

  function status(msg) {
    const list = document.getElementById('live-devices');
    list.replaceChildren();
    for (const d of msg.devices || []) {
      devices.set(d.id, { kind: d.kind, model: d.model });
      const li = document.createElement('li');
      li.dataset.device = d.id;
      li.dataset.state = d.state;
      li.textContent = `${deviceLabel(d.id)} — ${named('state', d.state)}`
        + (d.battery !== undefined ? ` — ${format('battery', d.battery)}` : '') + (d.diagnostic ? ` — ${d.diagnostic}` : '');
      list.append(li);
    }
    // Tiles and curves drawn before the status arrived get their device's name now.
    for (const g of document.querySelectorAll('#live-values .live-group')) {
      g.querySelector('.live-group-title').textContent = deviceLabel(g.dataset.device);
    }
    for (const box of document.querySelectorAll('#live-waves .live-wave')) {
      const title = box.querySelector('.title');
      title.textContent = `${title.dataset.channel} — ${deviceLabel(box.dataset.device)}`;
    }
  }

  function connect() {
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${root.dataset.socket}`);
    ws.binaryType = 'arraybuffer';
    let pinger;
    ws.onopen = () => {
      linkEl.textContent = text('connected');
      root.dataset.connected = 'true';
      const ping = () => ws.send(JSON.stringify({ type: 'ping', t0: performance.timeOrigin + performance.now() }));
      ping();
      pinger = setInterval(ping, 2000);
    };
    ws.onmessage = (m) => {
      if (typeof m.data === 'string') {
        const msg = JSON.parse(m.data);
        if (msg.type === 'pong') {
          const t3 = performance.timeOrigin + performance.now();
          const rtt = t3 - msg.t0;
          if (rtt <= bestRtt) { bestRtt = rtt; serverMinusBrowser = msg.t1 - (msg.t0 + t3) / 2; }
        } else if (msg.type === 'status') status(msg);
        return;
      }
      try {
        const f = decodeFrame(m.data);
        for (const e of f.entries) { if (e.kind === 'spot') spot(e, f.clockOffsetMs); else wave(e); }
      } catch (e) { /* a malformed frame is skipped */ }
    };
    ws.onclose = () => {
      clearInterval(pinger);
      root.dataset.connected = 'false';
      linkEl.textContent = text('reconnecting');
      setTimeout(connect, 2000);
    };
  }
  connect();
  requestAnimationFrame(draw);
}
