/* wagtail-reseau catalogue: updates the results in place, without a full reload.
 * The page works completely without this script (a GET form and links); with it,
 * a change of filter or sort fetches the same URL and swaps the results region,
 * the address bar follows (back button works), and the result count is announced
 * by the aria-live region. No build step, no dependency.
 *
 * The search field also becomes a combobox (WAI-ARIA 1.2, list autocomplete with a
 * listbox popup) proposing the titles of the catalogue from ?format=autocomplete:
 * choosing a title goes to that page; Enter without a chosen title searches as
 * before. Its texts come from the template (data-reseau-autocomplete-* attributes). */
(function () {
  "use strict";

  function init(root) {
    var form = root.querySelector("[data-reseau-catalogue-form]");
    var region = root.querySelector("[data-reseau-catalogue-results]");
    if (!form || !region || !window.fetch || !window.history.pushState) return;
    var pending = null;
    var filters = initFilters(root, region);

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
          filters.enhance();
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

  /* On a phone the filters are a panel (results.html, reseau.css). Without this script
   * a link opens it (the panel shows as the link's target). Here the link becomes a
   * disclosure button (aria-expanded, aria-controls): opening moves the focus into the
   * panel, Escape or the panel's links close it and bring the focus back. The open state
   * is a class of the catalogue element, which in-place updates keep, and the button
   * (in the results region, so its count of active filters follows each search) is
   * made again after each update. Beside the results (wide screens) the toggle is
   * hidden by the stylesheet and the panel's links are plain in-page links. */
  function initFilters(root, region) {
    var OPEN_CLASS = "reseau-catalogue--filters-open";
    var open = window.location.hash === "#reseau-catalogue-filters";

    function panel() {
      return region.querySelector("[data-reseau-filters-panel]");
    }

    function toggle() {
      return region.querySelector("[data-reseau-filters-toggle]");
    }

    function isPanel() {
      var control = toggle();
      return !!control && control.getClientRects().length > 0;
    }

    function enhance() {
      var control = toggle();
      if (control && control.tagName === "A") {
        var button = document.createElement("button");
        button.type = "button";
        button.id = control.id;
        button.className = control.className;
        button.setAttribute("data-reseau-filters-toggle", "");
        button.setAttribute("aria-controls", control.getAttribute("href").replace(/^#/, ""));
        while (control.firstChild) button.appendChild(control.firstChild);
        control.parentNode.replaceChild(button, control);
        control = button;
      }
      if (control) control.setAttribute("aria-expanded", open ? "true" : "false");
      root.classList.toggle(OPEN_CLASS, open);
    }

    function focus(element) {
      if (!element) return;
      if (!element.hasAttribute("tabindex") && !element.matches("a, button, input, select, textarea")) {
        element.setAttribute("tabindex", "-1");
      }
      element.focus();
    }

    function setOpen(value, focusTarget) {
      open = value;
      enhance();
      focus(focusTarget);
    }

    root.addEventListener("click", function (event) {
      var control = event.target.closest("button[data-reseau-filters-toggle]");
      if (control) {
        var box = panel();
        setOpen(!open, !open && box ? box.querySelector("[tabindex='-1']") || box : null);
        return;
      }
      var link = event.target.closest("a[data-reseau-filters-skip]");
      if (!link || !open || !isPanel() || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      // "Close the filters" goes back to the button; "go to the results" to the results.
      var target = link.classList.contains("reseau-catalogue__back")
        ? toggle()
        : document.getElementById(link.getAttribute("href").replace(/^#/, ""));
      setOpen(false, target);
      if (target && target.scrollIntoView) target.scrollIntoView({ block: "start" });
    });

    root.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !open || !isPanel()) return;
      var box = panel();
      var control = toggle();
      if (!(box && box.contains(event.target)) && event.target !== control) return;
      event.preventDefault();
      setOpen(false, control);
    });

    enhance();
    return { enhance: enhance };
  }

  var AUTOCOMPLETE_DELAY = 150; // ms after the last keystroke
  var AUTOCOMPLETE_MIN_LENGTH = 2;

  function initAutocomplete(root) {
    var form = root.querySelector("[data-reseau-catalogue-form]");
    var box = root.querySelector("[data-reseau-autocomplete]");
    var input = box && box.querySelector("input[type=search]");
    if (!form || !input || !input.id || !window.fetch || !window.AbortController || !window.URL) return;

    var list = document.createElement("ul");
    list.id = input.id + "-suggestions";
    list.className = "reseau-autocomplete__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", box.getAttribute("data-reseau-autocomplete-label") || "");
    list.hidden = true;
    var status = document.createElement("div");
    status.className = "reseau-visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");
    box.appendChild(list);
    box.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    var suggestions = []; // [{title, url, type}] shown in the list
    var active = -1; // index of the active option, -1 for none
    var timer = null;
    var pending = null;
    var cache = Object.create(null);
    var cached = 0;

    function isOpen() {
      return !list.hidden;
    }

    function setOpen(open) {
      list.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      if (!open) setActive(-1);
    }

    function setActive(index) {
      active = index;
      var options = list.children;
      for (var i = 0; i < options.length; i++) {
        if (i === index) options[i].setAttribute("aria-selected", "true");
        else options[i].removeAttribute("aria-selected");
      }
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        if (options[index].scrollIntoView) options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function announce(text) {
      status.textContent = text || "";
    }

    function countMessage(count) {
      var message = box.getAttribute("data-reseau-autocomplete-status-" + count);
      if (message) return message;
      // More suggestions than the template has messages for: the largest one, with the count.
      for (var n = count - 1; n > 0; n--) {
        message = box.getAttribute("data-reseau-autocomplete-status-" + n);
        if (message) return message.replace(String(n), String(count));
      }
      return "";
    }

    function cancel() {
      clearTimeout(timer);
      timer = null;
      if (pending) pending.abort();
      pending = null;
    }

    function close() {
      setOpen(false);
      announce("");
    }

    function forget() {
      suggestions = [];
      list.textContent = "";
    }

    function show(results) {
      var wasOpen = isOpen();
      setOpen(false);
      suggestions = results;
      list.textContent = "";
      results.forEach(function (result, index) {
        var option = document.createElement("li");
        option.id = list.id + "-" + index;
        option.className = "reseau-autocomplete__option";
        option.setAttribute("role", "option");
        var title = document.createElement("span");
        title.className = "reseau-autocomplete__title";
        title.textContent = result.title;
        option.appendChild(title);
        list.appendChild(option);
      });
      if (document.activeElement !== input) return;
      if (results.length) {
        setOpen(true);
        announce(countMessage(results.length));
      } else {
        announce(wasOpen ? box.getAttribute("data-reseau-autocomplete-none") : "");
      }
    }

    function request(text) {
      cancel();
      if (cache[text]) {
        show(cache[text]);
        return;
      }
      var controller = new AbortController();
      pending = controller;
      var url = new URL(form.getAttribute("action") || window.location.pathname, window.location.href);
      url.search = "";
      url.hash = "";
      url.searchParams.set("format", "autocomplete");
      url.searchParams.set("q", text);
      fetch(url.href, { headers: { Accept: "application/json" }, signal: controller.signal })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (data) {
          var results = (data && Array.isArray(data.results) ? data.results : []).filter(function (result) {
            return result && typeof result.title === "string" && typeof result.url === "string";
          });
          if (cached++ > 100) {
            cache = Object.create(null);
            cached = 0;
          }
          cache[text] = results;
          if (pending === controller && input.value.trim() === text) show(results);
        })
        .catch(function () {
          // Aborted (a newer request replaced it) or failed: the field stays a plain search field.
          if (pending === controller) {
            forget();
            close();
          }
        })
        .finally(function () {
          if (pending === controller) pending = null;
        });
    }

    function go(index) {
      var suggestion = suggestions[index];
      if (!suggestion) return;
      var target = new URL(suggestion.url, window.location.href);
      if (target.protocol !== "http:" && target.protocol !== "https:") return;
      cancel();
      close();
      window.location.assign(target.href);
    }

    input.addEventListener("input", function () {
      cancel();
      setActive(-1);
      var text = input.value.trim();
      if (text.length < AUTOCOMPLETE_MIN_LENGTH) {
        forget();
        close();
        return;
      }
      timer = setTimeout(function () {
        timer = null;
        request(text);
      }, AUTOCOMPLETE_DELAY);
    });

    input.addEventListener("keydown", function (event) {
      if (event.isComposing || event.ctrlKey || event.metaKey) return;
      var count = suggestions.length;
      switch (event.key) {
        case "ArrowDown":
        case "ArrowUp":
          if (!count) {
            var text = input.value.trim();
            if (text.length >= AUTOCOMPLETE_MIN_LENGTH && !timer && !pending) request(text);
            return;
          }
          event.preventDefault();
          var down = event.key === "ArrowDown";
          if (!isOpen()) {
            setOpen(true);
            announce(countMessage(count));
            if (!event.altKey) setActive(down ? 0 : count - 1);
          } else if (active < 0) {
            setActive(down ? 0 : count - 1);
          } else {
            setActive((active + (down ? 1 : count - 1)) % count);
          }
          break;
        case "Enter":
          if (isOpen() && active >= 0) {
            event.preventDefault();
            go(active);
          } else {
            // The search itself (the form's submit): no list popping up afterwards.
            cancel();
            close();
          }
          break;
        case "Escape":
          if (isOpen()) {
            event.preventDefault();
            cancel();
            close();
          } else if (input.value) {
            event.preventDefault();
            cancel();
            input.value = "";
            forget();
          }
          break;
        case "Tab":
          cancel();
          close();
          break;
        case "ArrowLeft":
        case "ArrowRight":
        case "Home":
        case "End":
          setActive(-1);
          break;
      }
    });

    // Keep the focus in the field when the list is pressed, then go to the chosen page.
    list.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
    list.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) go(Array.prototype.indexOf.call(list.children, option));
    });
    document.addEventListener("pointerdown", function (event) {
      if (isOpen() && !box.contains(event.target)) close();
    });
    input.addEventListener("focusout", function (event) {
      if (event.relatedTarget && !box.contains(event.relatedTarget)) close();
    });
    form.addEventListener("submit", function () {
      cancel();
      close();
    });
    window.addEventListener("popstate", function () {
      cancel();
      close();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-reseau-catalogue]").forEach(function (root) {
      init(root);
      initAutocomplete(root);
    });
  });
})();
