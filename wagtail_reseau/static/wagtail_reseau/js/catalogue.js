/* wagtail-reseau catalogue: updates the results in place, without a full reload.
 * The page works completely without this script (a GET form and links); with it,
 * a change of filter or sort fetches the same URL and swaps the results region,
 * the address bar follows (back button works), and the result count is announced
 * by the aria-live region. No build step, no dependency. */
(function () {
  "use strict";

  function init(root) {
    var form = root.querySelector("[data-reseau-catalogue-form]");
    var region = root.querySelector("[data-reseau-catalogue-results]");
    if (!form || !region || !window.fetch || !window.history.pushState) return;
    var pending = null;

    function urlFromForm() {
      var params = new URLSearchParams();
      new FormData(form).forEach(function (value, key) {
        if (key === "q" && !value.trim()) return;
        if (key === "sort" && value === "relevance") return;
        params.append(key, value);
      });
      var query = params.toString();
      return form.getAttribute("action") + (query ? "?" + query : "");
    }

    // The facets whose "show more" disclosure is open, to keep them open after a swap.
    function openDisclosures() {
      var keys = [];
      region.querySelectorAll("details[open]").forEach(function (details) {
        var facet = details.closest("fieldset[id]");
        if (facet) keys.push(facet.id);
      });
      return keys;
    }

    function load(url, push) {
      if (pending) pending.abort();
      var controller = new AbortController();
      pending = controller;
      var focusedId = document.activeElement && document.activeElement.id;
      var opened = openDisclosures();
      region.setAttribute("aria-busy", "true");
      return fetch(url, { headers: { "X-Requested-With": "fetch" }, signal: controller.signal })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.text();
        })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          var fresh = doc.querySelector("[data-reseau-catalogue-results]");
          if (!fresh) throw new Error("no results region");
          var count = region.querySelector("#reseau-result-count");
          var freshCount = fresh.querySelector("#reseau-result-count");
          // Keep the live region node in place so screen readers announce the new count.
          // Copies of the (live) child lists: removing while walking one would skip nodes.
          Array.prototype.slice.call(region.children).forEach(function (child) {
            if (child !== count) region.removeChild(child);
          });
          Array.prototype.slice.call(fresh.children).forEach(function (child) {
            if (child.id !== "reseau-result-count") region.appendChild(document.importNode(child, true));
          });
          if (count && freshCount) {
            region.insertBefore(count, region.firstChild);
            count.textContent = freshCount.textContent;
          }
          opened.forEach(function (id) {
            var details = document.getElementById(id);
            details = details && details.querySelector("details");
            if (details) details.open = true;
          });
          document.title = doc.title;
          if (push) window.history.pushState({ reseau: true }, "", url);
          var q = form.querySelector("#reseau-q");
          var freshQ = doc.querySelector("#reseau-q");
          if (q && freshQ && document.activeElement !== q) q.value = freshQ.value;
          if (focusedId) {
            var again = document.getElementById(focusedId);
            if (again) again.focus();
          }
        })
        .catch(function (error) {
          if (error.name !== "AbortError") window.location.assign(url);
        })
        .finally(function () {
          // An aborted request must not clear the busy state of the one that replaced it.
          if (pending === controller) {
            pending = null;
            region.removeAttribute("aria-busy");
          }
        });
    }

    form.addEventListener("change", function (event) {
      if (event.target.matches("input[type=checkbox], select")) load(urlFromForm(), true);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      load(urlFromForm(), true);
    });
    root.addEventListener("click", function (event) {
      var link = event.target.closest("a[data-reseau-nav]");
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      load(link.href, true).then(function () {
        var count = document.getElementById("reseau-result-count");
        if (count) {
          count.setAttribute("tabindex", "-1");
          count.focus();
        }
      });
    });
    window.addEventListener("popstate", function () {
      load(window.location.href, false);
    });
    root.classList.add("reseau-catalogue--enhanced");
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-reseau-catalogue]").forEach(init);
  });
})();
