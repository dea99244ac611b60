// Image viewer: zoom (buttons, wheel) and pan (drag) on each image; retinography images of the left and right eye sit
// side by side and can be zoomed together ("linked").
for (const root of document.querySelectorAll("[data-image-viewer]")) {
  const frames = [...root.querySelectorAll(".image-frame")];
  const state = frames.map(() => ({ scale: 1, x: 0, y: 0 }));
  const linked = root.querySelector("[name=linked]");
  const apply = () => frames.forEach((f, i) => {
    const s = state[i];
    f.querySelector("img").style.transform = `translate(${s.x}px, ${s.y}px) scale(${s.scale})`;
  });
  const targets = (i) => (linked?.checked ? state.map((_, k) => k) : [i]);
  const zoom = (i, factor) => {
    for (const k of targets(i)) state[k].scale = Math.min(12, Math.max(1, state[k].scale * factor));
    apply();
  };
  frames.forEach((frame, i) => {
    frame.querySelector("[data-zoom-in]")?.addEventListener("click", () => zoom(i, 1.25));
    frame.querySelector("[data-zoom-out]")?.addEventListener("click", () => zoom(i, 0.8));
    frame.querySelector("[data-reset]")?.addEventListener("click", () => {
      for (const k of targets(i)) state[k] = { scale: 1, x: 0, y: 0 };
      apply();
    });
    const area = frame.querySelector(".image-area");
    area.addEventListener("wheel", (e) => { e.preventDefault(); zoom(i, e.deltaY < 0 ? 1.1 : 0.9); }, { passive: false });
    let drag = null;
    area.addEventListener("pointerdown", (e) => { drag = { x: e.clientX, y: e.clientY }; area.setPointerCapture(e.pointerId); });
    area.addEventListener("pointermove", (e) => {
      if (!drag) return;
      for (const k of targets(i)) { state[k].x += e.clientX - drag.x; state[k].y += e.clientY - drag.y; }
      drag = { x: e.clientX, y: e.clientY };
      apply();
    });
    area.addEventListener("pointerup", () => { drag = null; });
  });
}
