// The handout's "Afdrukken" button: shown only when scripts run (without them, the browser's own print works).
(function () {
  var button = document.getElementById("afdrukken");
  if (!button) { return; }
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
})();
