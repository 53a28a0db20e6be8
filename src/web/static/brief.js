/* brief.js — the sales brief's Print button: shown only when scripts run (the page says Ctrl+P otherwise). */
document.addEventListener("DOMContentLoaded", function () {
  var button = document.querySelector(".brief-print");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
