// New-request form: checks type and size before sending, then posts with XMLHttpRequest to show upload progress.
// Without JavaScript the form posts normally; the server repeats every check.
const form = document.querySelector("form[data-upload]");
if (form) {
  const input = form.querySelector("input[type=file]");
  const bar = form.querySelector("progress");
  const status = form.querySelector(".upload-status");
  const max = Number(form.dataset.maxBytes);
  const allowed = /\.(dcm|scp|xml|hea|dat|jpe?g|png|pdf)$/i;
  input.addEventListener("change", () => {
    const bad = [...input.files].find((f) => !allowed.test(f.name) || f.size > max);
    input.setCustomValidity(bad ? `${bad.name}: ${form.dataset.badFileText}` : "");
    status.textContent = bad ? input.validationMessage : "";
  });
  form.addEventListener("submit", (event) => {
    if (!form.checkValidity()) return;
    event.preventDefault();
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) {
        bar.hidden = false;
        bar.value = Math.round((100 * e.loaded) / e.total);
        status.textContent = `${bar.value} %`;
      }
    });
    xhr.addEventListener("load", () => {
      if (xhr.status < 400) {
        window.location.assign(xhr.responseURL);
      } else {
        document.open();
        document.write(xhr.responseText);
        document.close();
      }
    });
    xhr.addEventListener("error", () => { status.textContent = form.dataset.networkErrorText; });
    form.querySelector("button[type=submit]").disabled = true;
    xhr.send(new FormData(form));
  });
}
