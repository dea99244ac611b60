// Report editor: the relay-appointment and emergency fields show for their re-orientation only; the relay doctor
// list filters as the doctor types; choosing a relay doctor proposes their practice address as the place.
const reorientation = document.getElementById('reorientation');
const relay = document.getElementById('relay');
const emergency = document.getElementById('emergency');
const doctor = document.getElementById('relayProfessionalId');
const search = document.getElementById('relay-search');
const place = document.getElementById('relayPlace');

function showFieldsets() {
  relay.hidden = reorientation.value !== 'RELAY_DOCTOR';
  emergency.hidden = reorientation.value !== 'EMERGENCY';
}
reorientation.addEventListener('change', showFieldsets);
showFieldsets();

// The place follows the chosen doctor as long as the doctor has not typed one of their own.
let proposed = place.value;
doctor.addEventListener('change', () => {
  const address = doctor.selectedOptions[0]?.dataset.address || '';
  if (place.value === '' || place.value === proposed) {
    place.value = address;
    proposed = address;
  }
});

const fold = (s) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
search?.addEventListener('input', () => {
  const words = fold(search.value).split(/\s+/).filter(Boolean);
  for (const option of doctor.querySelectorAll('option[value]:not([value=""])')) {
    const name = fold(option.textContent);
    option.hidden = !words.every((w) => name.includes(w));
  }
  const visible = [...doctor.querySelectorAll('option[value]:not([value=""])')].filter((o) => !o.hidden);
  if (visible.length === 1 && doctor.value !== visible[0].value) {
    doctor.value = visible[0].value;
    doctor.dispatchEvent(new Event('change'));
  }
});
