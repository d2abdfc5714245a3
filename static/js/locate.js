/* "Gebruik mijn locatie": asks the browser for the resident's position and puts it, rounded to about
   100 m, in the hidden field "bij". Every text comes from data- attributes rendered through gettext. */
(function () {
  "use strict";
  document.documentElement.classList.add("bk-js");

  function round(value) {
    return Math.round(value * 1000) / 1000;
  }

  function setUp(box) {
    var form = box.closest("form");
    var hidden = form.querySelector("input[name=bij]");
    var place = form.querySelector("input[name=plaats]");
    var status = box.querySelector("[role=status]");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "utrecht-button utrecht-button--secondary-action";
    button.textContent = box.dataset.msgButton;
    box.insertBefore(button, status);

    function say(text) {
      status.textContent = text;
    }

    button.addEventListener("click", function () {
      if (!navigator.geolocation) {
        say(box.dataset.msgFailed);
        return;
      }
      say(box.dataset.msgBusy);
      navigator.geolocation.getCurrentPosition(function (position) {
        hidden.value = round(position.coords.latitude) + "," + round(position.coords.longitude);
        place.value = "";
        place.placeholder = box.dataset.msgLabel;
        say(box.dataset.msgFound);
      }, function (error) {
        hidden.value = "";
        say(error.code === 1 ? box.dataset.msgDenied : box.dataset.msgFailed);
        place.focus();
      }, { timeout: 15000, maximumAge: 600000 });
    });
    place.addEventListener("input", function () {
      hidden.value = "";
    });
  }

  document.querySelectorAll("[data-locate]").forEach(setUp);
})();
