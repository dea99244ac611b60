// Drafts of the session page: every ECG draft gets the 12-lead viewer (3×4 + rhythm strip on a millimetre grid,
// 25 mm/s, 10 mm/mV) once. The drafts list is refreshed by htmx; the drawn ECG survives refreshes (hx-preserve), so
// only new ones are fetched and drawn. Stills and clips are plain <img> and <audio controls>.
import { mount } from '../expertise/ecg-viewer.js';

function mountEcgDrafts() {
  for (const root of document.querySelectorAll('.ecg-draft:not([data-mounted])')) {
    root.dataset.mounted = 'true';
    mount(root).catch(() => {
      root.querySelector('.ecg-status').textContent = root.dataset.errorText || 'ECG unavailable';
    });
  }
}

document.body.addEventListener('htmx:afterSettle', mountEcgDrafts);
mountEcgDrafts();
