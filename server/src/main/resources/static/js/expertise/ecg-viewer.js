// 12-lead ECG viewer on a canvas: 3×4 layout (2.5 s per panel) + a 10 s rhythm strip (lead II), millimetre grid,
// 25 mm/s and 10 mm/mV by default, gain / speed / zoom controls, calipers (two clicks: Δt, Δ amplitude, rate).
// No build step: a plain ES module. The last draw time (performance.now()) is exposed for the benchmark runner as
// window.ecgViewer.lastDrawMs and on the canvas as data-draw-ms.

const LAYOUT = [["I", "aVR", "V1", "V4"], ["II", "aVL", "V2", "V5"], ["III", "aVF", "V3", "V6"]];
const RHYTHM = "II";
const ROW_MM = 30;        // height of one row on paper
const CAL_MM = 5;         // width of the 1 mV calibration pulse
const PANEL_S = 2.5;
const STRIP_S = 10;

export class EcgViewer {
  constructor(canvas, view, options = {}) {
    this.canvas = canvas;
    this.view = view;
    this.speed = options.speed ?? 25;   // mm/s
    this.gain = options.gain ?? 10;     // mm/mV
    this.pxPerMm = options.pxPerMm ?? 4;
    this.calipers = [];
    this.leads = new Map(view.leads.map((l) => [l.name, l.microvolts]));
    canvas.addEventListener("click", (e) => this.caliper(e));
  }

  widthMm() {
    return CAL_MM + STRIP_S * this.speed + 2;
  }

  heightMm() {
    return ROW_MM * (LAYOUT.length + 1) + 4;
  }

  draw() {
    const t0 = performance.now();
    const c = this.canvas;
    const px = this.pxPerMm;
    c.width = Math.round(this.widthMm() * px);
    c.height = Math.round(this.heightMm() * px);
    const g = c.getContext("2d");
    g.fillStyle = "#fff";
    g.fillRect(0, 0, c.width, c.height);
    this.grid(g);
    const panelS = PANEL_S;
    LAYOUT.forEach((row, r) => {
      const baseline = (r + 0.6) * ROW_MM;
      this.calibration(g, baseline);
      row.forEach((name, col) => {
        const startS = col * panelS;
        this.trace(g, name, startS, panelS, CAL_MM + startS * this.speed, baseline);
        this.label(g, name, CAL_MM + startS * this.speed + 1, baseline - ROW_MM * 0.4);
        if (col > 0) this.separator(g, CAL_MM + startS * this.speed, baseline);
      });
    });
    const stripBaseline = (LAYOUT.length + 0.6) * ROW_MM;
    this.calibration(g, stripBaseline);
    this.trace(g, RHYTHM, 0, (this.widthMm() - CAL_MM - 2) / this.speed, CAL_MM, stripBaseline);
    this.label(g, RHYTHM, CAL_MM + 1, stripBaseline - ROW_MM * 0.4);
    this.drawCalipers(g);
    const ms = performance.now() - t0;
    this.lastDrawMs = ms;
    c.dataset.drawMs = ms.toFixed(2);
    window.ecgViewer = Object.assign(window.ecgViewer ?? {}, { lastDrawMs: ms, viewer: this });
    return ms;
  }

  grid(g) {
    const px = this.pxPerMm;
    const w = this.canvas.width;
    const h = this.canvas.height;
    for (const [step, color, width] of [[1, "#f6c9c9", 0.5], [5, "#e88f8f", 1]]) {
      g.beginPath();
      g.strokeStyle = color;
      g.lineWidth = width;
      for (let x = 0; x <= w; x += step * px) { g.moveTo(x + 0.5, 0); g.lineTo(x + 0.5, h); }
      for (let y = 0; y <= h; y += step * px) { g.moveTo(0, y + 0.5); g.lineTo(w, y + 0.5); }
      g.stroke();
    }
  }

  calibration(g, baselineMm) {
    const px = this.pxPerMm;
    const y0 = baselineMm * px;
    const y1 = (baselineMm - this.gain) * px; // 1 mV
    g.beginPath();
    g.strokeStyle = "#000";
    g.lineWidth = 1.2;
    g.moveTo(0, y0);
    g.lineTo(1 * px, y0);
    g.lineTo(1 * px, y1);
    g.lineTo(4 * px, y1);
    g.lineTo(4 * px, y0);
    g.lineTo(CAL_MM * px, y0);
    g.stroke();
  }

  trace(g, name, startS, durationS, xMm, baselineMm) {
    const samples = this.leads.get(name);
    if (!samples) return;
    const fs = this.view.sampleRateHz;
    const px = this.pxPerMm;
    const from = Math.max(0, Math.floor(startS * fs));
    const to = Math.min(samples.length, Math.floor((startS + durationS) * fs));
    const xPerSample = (this.speed * px) / fs;
    const yPerUv = (this.gain * px) / 1000;
    const x0 = xMm * px;
    const y0 = baselineMm * px;
    g.beginPath();
    g.strokeStyle = "#111";
    g.lineWidth = 1.1;
    // When several samples fall on one pixel column, draw their min–max span (keeps QRS peaks at any zoom).
    const perPx = 1 / xPerSample;
    if (perPx > 2) {
      let col = 0;
      for (let i = from; i < to; col++) {
        const end = Math.min(to, from + Math.floor((col + 1) * perPx));
        let lo = samples[i], hi = samples[i];
        for (let k = i; k < end; k++) { const v = samples[k]; if (v < lo) lo = v; if (v > hi) hi = v; }
        const x = x0 + col;
        if (col === 0) g.moveTo(x, y0 - samples[i] * yPerUv);
        g.lineTo(x, y0 - hi * yPerUv);
        g.lineTo(x, y0 - lo * yPerUv);
        i = Math.max(end, i + 1);
      }
    } else {
      for (let i = from; i < to; i++) {
        const x = x0 + (i - from) * xPerSample;
        const y = y0 - samples[i] * yPerUv;
        if (i === from) g.moveTo(x, y); else g.lineTo(x, y);
      }
    }
    g.stroke();
  }

  label(g, text, xMm, yMm) {
    g.fillStyle = "#0b3d66";
    g.font = `${Math.max(10, 3 * this.pxPerMm)}px sans-serif`;
    g.fillText(text, xMm * this.pxPerMm, yMm * this.pxPerMm);
  }

  separator(g, xMm, baselineMm) {
    const px = this.pxPerMm;
    g.beginPath();
    g.strokeStyle = "#000";
    g.moveTo(xMm * px, (baselineMm - 2) * px);
    g.lineTo(xMm * px, (baselineMm + 2) * px);
    g.stroke();
  }

  // Calipers: the first click sets a point, the second measures; a third starts again.
  caliper(event) {
    const rect = this.canvas.getBoundingClientRect();
    const scaleX = this.canvas.width / rect.width;
    const scaleY = this.canvas.height / rect.height;
    const p = { x: (event.clientX - rect.left) * scaleX, y: (event.clientY - rect.top) * scaleY };
    this.calipers = this.calipers.length >= 2 ? [p] : [...this.calipers, p];
    this.draw();
    this.onMeasure?.(this.measure());
  }

  measure() {
    if (this.calipers.length < 2) return null;
    const [a, b] = this.calipers;
    const mm = (v) => v / this.pxPerMm;
    const ms = (Math.abs(mm(b.x) - mm(a.x)) / this.speed) * 1000;
    const mv = (mm(a.y) - mm(b.y)) / this.gain;
    return { ms, mv, bpm: ms > 0 ? 60000 / ms : null };
  }

  drawCalipers(g) {
    g.strokeStyle = "#0a64a4";
    g.lineWidth = 1.5;
    for (const p of this.calipers) {
      g.beginPath();
      g.moveTo(p.x, 0);
      g.lineTo(p.x, this.canvas.height);
      g.stroke();
    }
    if (this.calipers.length === 2) {
      const [a, b] = this.calipers;
      g.beginPath();
      g.moveTo(a.x, b.y);
      g.lineTo(b.x, b.y);
      g.stroke();
    }
  }
}

function text(v, unit) {
  return v === null || v === undefined ? "—" : `${Math.round(v)} ${unit}`;
}

/** Wires a viewer block: <div data-ecg-viewer data-src="…/ecg"> with a canvas and the controls inside. */
export async function mount(root) {
  const response = await fetch(root.dataset.src, { credentials: "same-origin" });
  if (!response.ok) {
    root.querySelector(".ecg-status").textContent = root.dataset.errorText || "ECG unavailable";
    return null;
  }
  const view = await response.json();
  return show(root, view);
}

export function show(root, view) {
  const canvas = root.querySelector("canvas");
  const viewer = new EcgViewer(canvas, view);
  const q = (sel) => root.querySelector(sel);
  q("[name=gain]")?.addEventListener("change", (e) => { viewer.gain = Number(e.target.value); viewer.draw(); });
  q("[name=speed]")?.addEventListener("change", (e) => { viewer.speed = Number(e.target.value); viewer.draw(); });
  q("[data-zoom-in]")?.addEventListener("click", () => { viewer.pxPerMm = Math.min(16, viewer.pxPerMm * 1.25); viewer.draw(); });
  q("[data-zoom-out]")?.addEventListener("click", () => { viewer.pxPerMm = Math.max(2, viewer.pxPerMm / 1.25); viewer.draw(); });
  const m = view.measurements || {};
  const out = q(".ecg-measurements");
  if (out) {
    out.querySelector("[data-m=hr]").textContent = text(m.heartRateBpm, "bpm");
    out.querySelector("[data-m=rr]").textContent = text(m.rrMs, "ms");
    out.querySelector("[data-m=pr]").textContent = text(m.prMs, "ms");
    out.querySelector("[data-m=qrs]").textContent = text(m.qrsMs, "ms");
    out.querySelector("[data-m=qt]").textContent = text(m.qtMs, "ms");
    out.querySelector("[data-m=qtcb]").textContent = text(m.qtcBazettMs, "ms");
    out.querySelector("[data-m=qtcf]").textContent = text(m.qtcFridericiaMs, "ms");
  }
  const caliperOut = q(".ecg-caliper");
  viewer.onMeasure = (r) => {
    if (caliperOut) caliperOut.textContent = r ? `Δt ${Math.round(r.ms)} ms · ${r.mv.toFixed(2)} mV`
        + (r.bpm ? ` · ${Math.round(r.bpm)} bpm` : "") : "";
  };
  viewer.draw();
  root.dataset.ready = "true";
  q(".ecg-status").textContent = "";
  return viewer;
}

for (const root of document.querySelectorAll("[data-ecg-viewer]")) {
  mount(root);
}
