/* "Direct hulp nodig?" on the hulpvraag form as soon as words of danger are typed in the title or description.
   The phrases come from the server (webapp/directory/crisis.py, in data-crisis-phrases), matched as there: whole
   words in order, case- and accent-insensitive, "*" at the end for a stem. Without JavaScript the server shows
   the block when the form comes back. */
(function () {
  "use strict";

  function words(text) {
    return (text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().match(/[a-z0-9]+/g) || [];
  }

  function matchesAt(pattern, found, start) {
    if (start + pattern.length > found.length) {
      return false;
    }
    return pattern.every(function (part, offset) {
      var word = found[start + offset];
      var stem = offset === pattern.length - 1 && part.slice(-1) === "*";
      return stem ? word.indexOf(part.slice(0, -1)) === 0 : word === part;
    });
  }

  function setUp(form) {
    var net = document.querySelector("[data-safety-net]");
    var patterns = JSON.parse(form.dataset.crisisPhrases).map(function (phrase) { return phrase.split(" "); });
    var fields = ["title", "description"].map(function (name) { return form.elements[name]; }).filter(Boolean);
    if (!net || !fields.length) {
      return;
    }
    function check() {
      var found = words(fields.map(function (field) { return field.value; }).join(" \n "));
      var hit = found.some(function (_word, start) {
        return patterns.some(function (pattern) { return matchesAt(pattern, found, start); });
      });
      if (hit) {
        net.hidden = false;  // once shown it stays: a block that flickers while typing helps nobody
      }
    }
    fields.forEach(function (field) { field.addEventListener("input", check); });
  }

  document.querySelectorAll("form[data-crisis-phrases]").forEach(setUp);
})();
