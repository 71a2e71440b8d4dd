/* The organisation editor's location picker (directory/widgets.py): a small
 * Leaflet map under the longitude field. Clicking the map or dragging the
 * marker fills the latitude and longitude inputs; typing in them moves the
 * marker. With a geocoder, "Find the address" asks the admin's geocoding URL.
 * Texts come from the template; the status text comes from the server. */
(function () {
  "use strict";
  var FRANCE = [46.6, 2.4];

  function setup(root) {
    if (!window.L || root.dataset.ready) return;
    root.dataset.ready = "1";
    var latInput = document.getElementById(root.dataset.latitudeInput);
    var lonInput = document.getElementById(root.dataset.longitudeInput);
    if (!latInput || !lonInput) return;
    var map = window.L.map(root.querySelector("[data-reseau-location-picker-map]"));
    window.L.tileLayer(root.dataset.tilesUrl, {
      attribution: root.dataset.attribution,
      maxZoom: parseInt(root.dataset.maxZoom, 10) || 19,
    }).addTo(map);
    var icon = window.L.icon({
      iconUrl: root.dataset.iconUrl, iconRetinaUrl: root.dataset.iconRetinaUrl, shadowUrl: root.dataset.shadowUrl,
      iconSize: [25, 41], iconAnchor: [12, 41], shadowSize: [41, 41],
    });
    var marker = null;

    function current() {
      var lat = parseFloat(String(latInput.value).replace(",", "."));
      var lon = parseFloat(String(lonInput.value).replace(",", "."));
      if (isNaN(lat) || isNaN(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
      return [lat, lon];
    }

    function place(point, centre) {
      if (!marker) {
        marker = window.L.marker(point, { icon: icon, draggable: true, keyboard: false }).addTo(map);
        marker.on("dragend", function () { write(marker.getLatLng()); });
      } else {
        marker.setLatLng(point);
      }
      if (centre) map.setView(point, Math.max(map.getZoom() || 0, 14));
    }

    function write(latlng) {
      latInput.value = latlng.lat.toFixed(6);
      lonInput.value = latlng.lng.toFixed(6);
      [latInput, lonInput].forEach(function (input) {
        input.dispatchEvent(new Event("change", { bubbles: true }));
      });
    }

    var start = current();
    if (start) { map.setView(start, 15); place(start, false); }
    else map.setView(FRANCE, 5);

    map.on("click", function (event) { place([event.latlng.lat, event.latlng.lng], false); write(event.latlng); });
    [latInput, lonInput].forEach(function (input) {
      input.addEventListener("input", function () { var point = current(); if (point) place(point, true); });
    });

    var button = root.querySelector("[data-reseau-geocode]");
    var status = root.querySelector("[data-reseau-geocode-status]");
    if (button && root.dataset.geocodeUrl && window.fetch) {
      button.addEventListener("click", function () {
        var address = (root.dataset.addressInputs || "").split(" ").map(function (id) {
          var input = document.getElementById(id);
          return input ? input.value : "";
        }).join(" ");
        var url = new URL(root.dataset.geocodeUrl, window.location.href);
        url.searchParams.set("address", address);
        fetch(url.href, { headers: { Accept: "application/json" }, credentials: "same-origin" })
          .then(function (response) { return response.json(); })
          .then(function (data) {
            if (data && typeof data.latitude === "number") {
              var point = [data.latitude, data.longitude];
              place(point, true);
              write({ lat: point[0], lng: point[1] });
              if (status) status.textContent = "";
            } else if (status) {
              status.textContent = (data && data.error) || "";
            }
          })
          .catch(function () {});
      });
    }
    // The map may sit in a tab that was hidden when it was drawn.
    document.addEventListener("click", function () { map.invalidateSize(); });
  }

  function init() {
    document.querySelectorAll("[data-reseau-location-picker]").forEach(setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
