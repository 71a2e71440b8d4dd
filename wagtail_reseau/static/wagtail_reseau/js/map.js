/* Maps of wagtail-reseau (docs/map.md), drawn with Leaflet and
 * Leaflet.markercluster (static/wagtail_reseau/vendor/).
 *
 * A [data-reseau-map] element either holds one point (data-latitude,
 * data-longitude: an organisation) or draws the GeoJSON of the page it is on
 * (data-geojson-url), with the page's current filters: when catalogue.js swaps
 * the results after a change of filter, the map reloads from the new address.
 * The map stays hidden until it has something to show; the list (or the
 * address) is the accessible equivalent, so nothing is reachable only here.
 * Texts come from the template (data-* attributes), none from this script.
 */
(function () {
  "use strict";

  function icon(root) {
    return window.L.icon({
      iconUrl: root.dataset.iconUrl,
      iconRetinaUrl: root.dataset.iconRetinaUrl,
      shadowUrl: root.dataset.shadowUrl,
      iconSize: [25, 41],
      iconAnchor: [12, 41],
      popupAnchor: [1, -34],
      shadowSize: [41, 41],
    });
  }

  function createMap(root) {
    var canvas = root.querySelector("[data-reseau-map-canvas]");
    var map = window.L.map(canvas, { scrollWheelZoom: false });
    window.L.tileLayer(root.dataset.tilesUrl, {
      attribution: root.dataset.attribution,
      maxZoom: parseInt(root.dataset.maxZoom, 10) || 19,
    }).addTo(map);
    return map;
  }

  function setCount(root, count) {
    var holder = root.querySelector("[data-reseau-map-count]");
    if (!holder) return;
    var text = count === 1 ? holder.dataset.one : holder.dataset.many;
    holder.textContent = (text || "").replace("%(count)s", String(count));
  }

  function popup(root, properties) {
    var box = document.createElement("div");
    var title = document.createElement("a");
    title.href = properties.url;
    title.textContent = properties.title;
    title.className = "reseau-map__popup-title";
    box.appendChild(title);
    if (properties.type_label) {
      var type = document.createElement("p");
      type.className = "reseau-map__popup-type";
      type.textContent = properties.type_label;
      box.appendChild(type);
    }
    return box;
  }

  function showPoint(root) {
    var latitude = parseFloat(root.dataset.latitude);
    var longitude = parseFloat(root.dataset.longitude);
    if (isNaN(latitude) || isNaN(longitude)) return;
    root.hidden = false;
    setCount(root, 1);
    var map = createMap(root);
    window.L.marker([latitude, longitude], { icon: icon(root), keyboard: false, alt: "" }).addTo(map);
    map.setView([latitude, longitude], 15);
  }

  function geojsonAddress(root) {
    var url = new URL(window.location.href);
    var base = new URL(root.dataset.geojsonUrl, window.location.href);
    if (url.pathname !== base.pathname) url = base;
    url.searchParams.delete("page");
    url.searchParams.set("format", "geojson");
    return url.href;
  }

  function showCollection(root) {
    if (!window.fetch || !window.URL) return;
    var map = null;
    var layer = null;
    var loaded = "";
    var controller = null;

    function draw(data) {
      var features = (data && data.features) || [];
      if (!features.length) {
        root.hidden = true;
        return;
      }
      root.hidden = false;
      setCount(root, features.length);
      if (!map) {
        map = createMap(root);
        layer = window.L.markerClusterGroup ? window.L.markerClusterGroup() : window.L.layerGroup();
        map.addLayer(layer);
      }
      map.invalidateSize();
      layer.clearLayers();
      var markers = [];
      features.forEach(function (feature) {
        var coordinates = feature.geometry && feature.geometry.coordinates;
        if (!coordinates) return;
        // GeoJSON is [longitude, latitude]; Leaflet wants [latitude, longitude].
        var marker = window.L.marker([coordinates[1], coordinates[0]], {
          icon: icon(root),
          title: feature.properties.title,
          alt: feature.properties.title,
        });
        marker.bindPopup(popup(root, feature.properties));
        markers.push(marker);
      });
      if (layer.addLayers) layer.addLayers(markers);
      else markers.forEach(function (marker) { layer.addLayer(marker); });
      var bounds = window.L.latLngBounds(markers.map(function (marker) { return marker.getLatLng(); }));
      map.fitBounds(bounds, { maxZoom: 13, padding: [40, 40] });
    }

    function load() {
      var address = geojsonAddress(root);
      if (address === loaded) return;
      loaded = address;
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch(address, { headers: { Accept: "application/geo+json" }, signal: controller ? controller.signal : undefined })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(draw)
        .catch(function () { /* aborted or failed: the list says it all */ });
    }

    load();
    var results = document.querySelector("[data-reseau-catalogue-results]");
    if (results && window.MutationObserver) {
      new MutationObserver(load).observe(results, { childList: true });
    }
    window.addEventListener("popstate", load);
  }

  function init() {
    if (!window.L) return;
    document.querySelectorAll("[data-reseau-map]").forEach(function (root) {
      if (root.dataset.latitude) showPoint(root);
      else if (root.dataset.geojsonUrl) showCollection(root);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
