/* The maps: all results of a search (clustered), or one voorziening. The list stays the main way in;
   the map links both ways with it. Popups are built with DOM calls and textContent, never innerHTML. */
(function () {
  "use strict";
  document.documentElement.classList.add("bk-js");
  var MEPPEL = [52.6956, 6.1937];

  function addNote(el, className, text) {
    var note = document.createElement("p");
    note.className = "bk-map__no-tiles " + className;
    note.textContent = text;
    el.appendChild(note);
    return note;
  }

  // Leaflet's own link, its English title ("A JavaScript library for interactive maps") in the page's language.
  function leafletPrefix(el) {
    var prefix = L.Control.Attribution.prototype.options.prefix;
    if (!el.dataset.msgLeaflet) { return prefix; }
    var probe = document.createElement("span");
    probe.textContent = el.dataset.msgLeaflet;
    return prefix.replace(/title="[^"]*"/, 'title="' + probe.innerHTML.replace(/"/g, "&quot;") + '"');
  }

  // Leaflet puts its controls on the left and right whatever the page's direction: on a right-to-left page they
  // swap sides (zoom at the start, attribution at the end), so our note at the start never covers the attribution.
  function baseMap(el, options) {
    el.setAttribute("role", "region");
    el.setAttribute("aria-label", el.dataset.label);
    var rtl = document.documentElement.dir === "rtl";
    var map = L.map(el, Object.assign({ scrollWheelZoom: false, maxZoom: 18, minZoom: 6, zoomControl: false,
                                        attributionControl: false }, options || {}));
    L.control.zoom({ position: rtl ? "topright" : "topleft", zoomInTitle: el.dataset.msgZoomIn,
                     zoomOutTitle: el.dataset.msgZoomOut }).addTo(map);
    L.control.attribution({ position: rtl ? "bottomleft" : "bottomright", prefix: leafletPrefix(el) }).addTo(map);
    if (el.dataset.tileUrl) {
      var failed = null;
      L.tileLayer(el.dataset.tileUrl, { attribution: el.dataset.tileAttribution, maxZoom: 19 })
        .on("tileerror", function () {  // the tile server is down or unreachable: say so once, the rest works
          if (!failed) { failed = addNote(el, "bk-map__tile-error", el.dataset.msgTileError); }
        })
        .addTo(map);
    } else {
      addNote(el, "", el.dataset.msgNoTiles);
    }
    return map;
  }

  function isShown(el) {
    return el.offsetWidth > 0 && el.offsetHeight > 0;
  }

  function textLine(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    node.textContent = text;
    return node;
  }

  // A name from the data says its language (a translation's, or Dutch on a page in another language), as the
  // server's data_lang() does: only Dutch on a Dutch page goes without.
  function markLanguage(node, lang) {
    if (lang && (lang !== "nl" || document.documentElement.lang !== "nl")) { node.lang = lang; }
  }

  function popupFor(item, el, onList) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = item.url;
    link.textContent = item.name;
    markLanguage(link, item.lang);
    box.appendChild(link);
    if (item.approximate) {
      box.appendChild(textLine("span", "bk-popup__approx", el.dataset.msgApproximate));
    }
    if (document.getElementById("resultaat-" + item.id)) {
      var back = textLine("button", "utrecht-button utrecht-button--subtle", el.dataset.msgInList);
      back.type = "button";
      back.addEventListener("click", function () { onList(item.id); });
      box.appendChild(back);
    }
    return box;
  }

  function resultsMap(el) {
    var section = el.closest("[data-results]");
    var map = baseMap(el).setView(MEPPEL, 10);
    var cluster = L.markerClusterGroup();
    var markers = {};
    var bounds = null;
    var fitted = false;
    function fit() {  // fitting a hidden map (size 0: the phone's list view) gives a useless view; wait until shown
      if (!bounds || !isShown(el)) { return; }
      map.invalidateSize({ animate: false });
      map.fitBounds(bounds, { maxZoom: 13, padding: [20, 20], animate: false });
      fitted = true;
    }
    function shown() {
      if (fitted) { map.invalidateSize(); } else { fit(); }
    }
    var views = viewSwitch(section, shown);
    if (window.ResizeObserver) {  // also when the map appears without the switch (a phone turned sideways)
      new ResizeObserver(function () { if (isShown(el)) { shown(); } }).observe(el);
    }

    function focusInList(id) {
      var item = document.getElementById("resultaat-" + id);
      if (!item) { return; }
      views.show("lijst");
      document.querySelectorAll(".bk-result--active").forEach(function (n) { n.classList.remove("bk-result--active"); });
      item.classList.add("bk-result--active");
      item.focus();
    }

    fetch(el.dataset.markersUrl, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (items) {
        items.forEach(function (item) {
          var marker = L.marker([item.lat, item.lon], { title: item.name, alt: item.name, keyboard: true });
          marker.bindPopup(popupFor(item, el, focusInList));
          marker.on("add", function () {
            var icon = marker.getElement();
            if (icon && !icon.dataset.bkKeys) {
              icon.dataset.bkKeys = "1";
              icon.dataset.markerId = item.id;
              icon.addEventListener("keydown", function (event) {
                if (event.key === "Enter" || event.key === " ") { focusInList(item.id); }
              });
            }
          });
          markers[item.id] = marker;
        });
        if (items.length) {  // the view first, then the markers: no re-clustering animation on load
          bounds = L.latLngBounds(items.map(function (item) { return [item.lat, item.lon]; }));
          fit();
        }
        cluster.addLayers(Object.keys(markers).map(function (id) { return markers[id]; }));
        map.addLayer(cluster);
        addListButtons(section, markers, cluster, views);
      });
  }

  function addListButtons(section, markers, cluster, views) {
    section.querySelectorAll("[data-result-id]").forEach(function (item) {
      var marker = markers[item.dataset.resultId];
      if (!marker) { return; }
      var button = textLine("button", "utrecht-button utrecht-button--subtle bk-show-on-map",
        section.querySelector("[data-results-map]").dataset.msgOnMap || "");
      button.type = "button";
      button.addEventListener("click", function () {
        views.show("kaart");
        cluster.zoomToShowLayer(marker, function () { marker.openPopup(); });
      });
      item.appendChild(button);
    });
  }

  function viewSwitch(section, onShown) {
    var box = section.querySelector("[data-view-switch]");
    var buttons = {};
    function show(view) {
      section.classList.toggle("bk-results--map", view === "kaart");
      Object.keys(buttons).forEach(function (name) {
        buttons[name].setAttribute("aria-pressed", name === view ? "true" : "false");
      });
      var url = new URL(window.location.href);
      if (view === "kaart") { url.searchParams.set("weergave", "kaart"); } else { url.searchParams.delete("weergave"); }
      window.history.replaceState(null, "", url);
      if (view === "kaart") { onShown(); }
    }
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", box.dataset.label);
    [["lijst", box.dataset.labelList], ["kaart", box.dataset.labelMap]].forEach(function (pair) {
      var button = textLine("button", "utrecht-button utrecht-button--secondary-action", pair[1]);
      button.type = "button";
      button.addEventListener("click", function () { show(pair[0]); });
      buttons[pair[0]] = button;
      box.appendChild(button);
    });
    box.hidden = false;
    var current = section.classList.contains("bk-results--map") ? "kaart" : "lijst";
    Object.keys(buttons).forEach(function (name) {
      buttons[name].setAttribute("aria-pressed", name === current ? "true" : "false");
    });
    return { show: show };
  }

  function detailMap(el) {
    var point = [parseFloat(el.dataset.lat), parseFloat(el.dataset.lon)];
    var map = baseMap(el).setView(point, el.dataset.approximate === "ja" ? 12 : 16);
    var marker = L.marker(point, { title: el.dataset.name, alt: el.dataset.name, keyboard: true }).addTo(map);
    var box = document.createElement("div");
    var name = box.appendChild(textLine("strong", "", el.dataset.name));
    markLanguage(name, el.dataset.nameLang);
    if (el.dataset.approximate === "ja") {
      box.appendChild(textLine("span", "bk-popup__approx", el.dataset.msgApproximate));
    }
    marker.bindPopup(box);
  }

  document.querySelectorAll("[data-results-map]").forEach(resultsMap);
  document.querySelectorAll("[data-detail-map]").forEach(detailMap);
})();
