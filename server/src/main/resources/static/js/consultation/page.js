// Consultation page glue: CSRF header on htmx requests, and a waiting page that follows the doctor's admission.
const token = document.querySelector('meta[name="_csrf"]')?.content;
const header = document.querySelector('meta[name="_csrf_header"]')?.content;
document.body.addEventListener('htmx:configRequest', (e) => {
  if (token && header) e.detail.headers[header] = token;
});

const page = document.querySelector('section.consultation');
if (page && ['CHECKED_IN', 'WAITING'].includes(page.dataset.status)) {
  // The nurse waits for the doctor: reload when the status changes (admitted, cancelled).
  setInterval(async () => {
    try {
      const r = await fetch(location.pathname, { headers: { Accept: 'text/html' } });
      const html = await r.text();
      const m = html.match(/data-status="([A-Z_]+)"/);
      if (m && m[1] !== page.dataset.status) location.reload();
    } catch (e) { /* offline for a moment: try again */ }
  }, 3000);
}
