// The nurse's screen: polls the agent (same origin) and draws the pleth. No build step, no dependency.
const SIGN_LABELS = {
  OXYGEN_SATURATION: 'SpO₂', PULSE_RATE: 'Pouls', HEART_RATE: 'Fréq. cardiaque',
  SYSTOLIC_PRESSURE: 'Systolique', DIASTOLIC_PRESSURE: 'Diastolique', MEAN_ARTERIAL_PRESSURE: 'PAM',
  BODY_TEMPERATURE: 'Température', RESPIRATORY_RATE: 'Fréq. respiratoire', PERFUSION_INDEX: 'Indice de perfusion',
  BODY_WEIGHT: 'Poids',
};
const UNIT_LABELS = { '%': '%', '/min': '/min', 'mm[Hg]': 'mmHg', Cel: '°C', kg: 'kg' };
const STATE_LABELS = { CONNECTED: 'Connecté', CONNECTING: 'Connexion…', DISCONNECTED: 'Déconnecté', ERROR: 'En erreur' };
const ITEM_LABELS = { ECG: 'ECG 12 dérivations', IMAGE: 'Image', AUDIO: 'Auscultation' };
const EYE_LABELS = { R: 'œil droit', L: 'œil gauche' };
const OUTBOX_LABELS = { QUEUED: 'En attente', SENDING: 'Envoi…', ACKNOWLEDGED: 'Reçu par le serveur', FAILED: 'Refusé' };
const KIND_LABELS = {
  PULSE_OXIMETER: 'Oxymètre', BLOOD_PRESSURE_MONITOR: 'Tensiomètre', THERMOMETER: 'Thermomètre',
  ECG_12_LEAD: 'ECG 12 dérivations', STETHOSCOPE: 'Stéthoscope', OTOSCOPE: 'Otoscope', DERMATOSCOPE: 'Dermatoscope',
  RETINOGRAPH: 'Rétinographe', HEART_RATE_MONITOR: 'Cardiofréquencemètre',
};

const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, text) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
};
const fmt = (v) => (v === undefined || v === null ? '–' : Number.isInteger(v) ? String(v) : v.toFixed(1));

async function capture(deviceId, button) {
  button.disabled = true;
  try {
    const r = await fetch('/api/capture', {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'device=' + encodeURIComponent(deviceId),
    });
    if (!r.ok) showAlarm((await r.json()).error || 'Enregistrement impossible');
    await Promise.all([refreshState(), refreshOutbox()]);
  } finally {
    button.disabled = false;
  }
}

async function act(deviceId, action, button) {
  button.disabled = true;
  try {
    const r = await fetch('/api/action', {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'device=' + encodeURIComponent(deviceId) + '&action=' + encodeURIComponent(action),
    });
    const answer = await r.json();
    showNotice(r.ok ? answer.message : answer.error);
  } finally {
    button.disabled = false;
  }
}

function showNotice(text) {
  const n = $('notice');
  n.hidden = !text;
  n.textContent = text || '';
}

const REQUEST_LABELS = {
  BLOOD_PRESSURE: 'la tension artérielle', SPO2: 'la saturation (SpO₂)', TEMPERATURE: 'la température',
  ECG_12_LEAD: 'un ECG 12 dérivations', SNAPSHOT: 'une photo', STETHOSCOPE: 'une auscultation',
};

// The doctor's latest measurement request, in plain words, until a newer one replaces it.
function showRequest(requests) {
  const r = requests[requests.length - 1];
  const box = $('doctor-request');
  box.hidden = !r;
  if (!r) return;
  box.dataset.kind = r.kind;
  box.dataset.automatic = r.automatic ? 'true' : 'false';
  const when = new Date(r.requestedAt).toLocaleTimeString('fr-FR');
  // A snapshot the running camera took by itself needs nothing from the nurse.
  box.textContent = r.automatic
    ? `Le médecin a pris une photo avec la caméra d'examen (${when}) : rien à faire.`
    : `Le médecin demande ${REQUEST_LABELS[r.kind] || r.kind} (${when}).`;
}

async function emergency() {
  const out = $('emergency-result');
  out.textContent = 'Alerte en cours…';
  try {
    const r = await (await fetch('/api/emergency', { method: 'POST' })).json();
    const who = r.doctor ? `${r.doctor}` : 'Médecin de garde';
    out.textContent = r.phone ? `${who} : ${r.phone}` + (r.alerted ? ' (prévenu)' : ` — ${r.error}`)
      : (r.error || 'Aucun médecin de garde configuré : appelez le 15');
  } catch (e) {
    out.textContent = 'Station injoignable : appelez le 15';
  }
}
$('emergency').addEventListener('click', emergency);

function showAlarm(text) {
  const a = $('alarm');
  a.hidden = !text;
  a.textContent = text || '';
}

// Updates the device list in place: each device keeps its element and its button, so a button is never replaced
// under the nurse's finger by the next poll.
function renderDevices(devices) {
  const list = $('devices');
  const seen = new Set(devices.map((d) => d.id));
  for (const li of [...list.children]) {
    if (!seen.has(li.dataset.device)) li.remove();
  }
  if (!devices.length) list.append(el('li', { class: 'empty' }, 'Aucun appareil détecté pour l\'instant.'));
  for (const d of devices) {
    let li = [...list.children].find((x) => x.dataset.device === d.id);
    if (!li) {
      li = el('li', { class: 'device', 'data-device': d.id });
      li.append(el('span', { class: 'name' }), el('span', { class: 'state' }), el('span', { class: 'battery' }),
        el('span', { class: 'values' }));
      // A device with its own actions (ECG recording, photo, auscultation…) shows them; the others a capture button.
      if (!(d.actions || []).length) {
        const button = el('button', { type: 'button', class: 'capture' }, 'Enregistrer la mesure');
        button.addEventListener('click', () => capture(d.id, button));
        li.append(button);
      }
      for (const a of d.actions || []) {
        const button = el('button', { type: 'button', class: 'action', 'data-action': a.id }, a.label);
        button.addEventListener('click', () => act(d.id, a.id, button));
        li.append(button);
      }
      li.append(el('span', { class: 'diagnostic' }));
      list.append(li);
    }
    li.querySelector('.name').textContent = `${KIND_LABELS[d.kind] || d.kind} – ${d.model || d.address}`;
    const state = li.querySelector('.state');
    state.className = 'state state-' + d.state;
    state.textContent = STATE_LABELS[d.state] || d.state;
    li.querySelector('.battery').textContent = d.battery !== undefined ? `Batterie ${d.battery} %` : '';
    const values = li.querySelector('.values');
    values.replaceChildren(...d.values.map((v) => el('span', { 'data-sign': v.sign },
      `${SIGN_LABELS[v.sign] || v.sign} ${fmt(v.value)} ${UNIT_LABELS[v.unit] || v.unit}`)));
    li.querySelector('.diagnostic').textContent = d.diagnostic || '';
  }
}

async function refreshState() {
  try {
    const s = await (await fetch('/api/state')).json();
    const link = $('link');
    link.textContent = s.online ? `En ligne (délai ${Math.max(0, Math.round(s.roundTripMs / 2))} ms)` : 'Hors ligne';
    link.className = 'badge ' + (s.online ? 'online' : 'offline');
    $('depth').textContent = `File d'envoi : ${s.outbox.pending} en attente` + (s.outbox.failed ? `, ${s.outbox.failed} refusée(s)` : '');
    showAlarm(s.alarm);
    showRequest(s.requests || []);
    renderDevices(s.devices);
  } catch (e) {
    showAlarm('La station ne répond pas : redémarrez le chariot si cela dure.');
  }
}

async function refreshOutbox() {
  try {
    const items = await (await fetch('/api/outbox')).json();
    const body = $('outbox');
    body.replaceChildren();
    for (const it of items) {
      const tr = el('tr', { 'data-key': it.key });
      tr.append(el('td', {}, new Date(it.capturedAt).toLocaleTimeString('fr-FR')));
      const [sign, value, unit] = it.summary.split(' ');
      const eye = /laterality=([LR])/.exec(it.contentType || '');
      const label = ITEM_LABELS[it.kind] ? ITEM_LABELS[it.kind] + (eye ? ` (${EYE_LABELS[eye[1]]})` : '') : it.summary;
      tr.append(el('td', {}, SIGN_LABELS[sign] ? `${SIGN_LABELS[sign]} ${fmt(Number(value))} ${UNIT_LABELS[unit] || unit}` : label));
      tr.append(el('td', { class: 'state-' + it.state }, OUTBOX_LABELS[it.state] + (it.error && it.state !== 'ACKNOWLEDGED' ? ` (${it.error})` : '')));
      body.append(tr);
    }
  } catch (e) { /* the state poll reports an unreachable agent */ }
}

// Pleth: a sweeping trace like a monitor, 5 s across the canvas.
const pleth = { after: 0, samples: [], rate: 100 };
async function refreshWaveform() {
  try {
    const w = await (await fetch('/api/waveform?after=' + pleth.after)).json();
    const c = w.channels.find((ch) => ch.channel === 'PLETH');
    if (!c) return;
    pleth.after = c.next;
    pleth.rate = c.rate;
    pleth.samples.push(...c.samples);
    const keep = Math.round(pleth.rate * 5);
    if (pleth.samples.length > keep) pleth.samples.splice(0, pleth.samples.length - keep);
    drawPleth();
  } catch (e) { /* next poll */ }
}

function drawPleth() {
  const canvas = $('pleth');
  const g = canvas.getContext('2d');
  g.clearRect(0, 0, canvas.width, canvas.height);
  g.strokeStyle = '#2ecc71';
  g.lineWidth = 2;
  g.beginPath();
  const n = Math.round(pleth.rate * 5);
  pleth.samples.forEach((v, i) => {
    const x = (i / n) * canvas.width;
    const y = canvas.height - (v / 1000) * canvas.height;
    if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
  });
  g.stroke();
}

refreshState();
refreshOutbox();
setInterval(refreshState, 1000);
setInterval(refreshOutbox, 2000);
setInterval(refreshWaveform, 100);
