/* The term chooser (wagtail_reseau/taxonomy/chooser/widgets.py): turns its text box
   into a combobox (WAI-ARIA 1.2, aria-activedescendant) whose suggestions come from
   the chooser's JSON search. Without this script the widget still works: the typed
   text is resolved when the form is saved. No dependency, no build step. */
(function () {
  "use strict";

  var DELAY = 200;
  var counter = 0;

  function text(element, value) { element.textContent = value; return element; }

  function setup(root) {
    if (root.dataset.termChooserReady) { return; }
    root.dataset.termChooserReady = "1";
    var input = root.querySelector("[data-term-chooser-input]");
    var listbox = root.querySelector("[data-term-chooser-listbox]");
    var chosen = root.querySelector("[data-term-chooser-chosen]");
    var empty = root.querySelector("[data-term-chooser-empty]");
    var status = root.querySelector("[data-term-chooser-status]");
    var url = root.dataset.searchUrl;
    if (!input || !listbox || !url) { return; }
    var name = root.dataset.name;
    var idPrefix = root.dataset.id;
    var messages = {
      added: root.dataset.addedMessage || "{term} added.",
      already: root.dataset.alreadyMessage || "{term} is already chosen.",
      none: root.dataset.noneMessage || "No suggestion.",
      count: root.dataset.countMessage || "{count} suggestions.",
      error: root.dataset.errorMessage || "The suggestions could not be loaded."
    };
    var results = [];
    var active = -1;
    var timer = null;
    var request = 0;

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);

    function announce(message) {
      status.textContent = "";
      window.setTimeout(function () { status.textContent = message; }, 50);
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var options = listbox.querySelectorAll("[role=option]");
      if (!options.length) { return; }
      active = (index + options.length) % options.length;
      options.forEach(function (option, position) {
        option.setAttribute("aria-selected", position === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    }

    function render(items) {
      results = items;
      listbox.innerHTML = "";
      counter += 1;
      items.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = listbox.id + "-" + counter + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.className = "reseau-term-chooser__option";
        option.appendChild(text(document.createElement("span"), item.label));
        if (item.path.length || item.kind) {
          var detail = text(document.createElement("span"), [item.kind].concat(item.path).filter(Boolean).join(" · "));
          detail.className = "reseau-term-chooser__path";
          option.appendChild(document.createTextNode(" "));
          option.appendChild(detail);
        }
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { choose(index); });
        listbox.appendChild(option);
      });
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
      input.removeAttribute("aria-activedescendant");
      active = -1;
      if (!items.length) {
        var none = text(document.createElement("li"), messages.none);
        none.className = "reseau-term-chooser__none";
        listbox.appendChild(none);
      }
      announce(items.length ? messages.count.replace("{count}", items.length) : messages.none);
    }

    function search() {
      var query = input.value.trim();
      var mine = ++request;
      var address = url + "?q=" + encodeURIComponent(query) + "&locale=" + encodeURIComponent(root.dataset.locale || "");
      fetch(address, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
        .then(function (data) { if (mine === request) { render(data.results || []); } })
        .catch(function () { if (mine === request) { close(); announce(messages.error); } });
    }

    function choose(index) {
      var item = results[index];
      if (!item) { return; }
      var existing = chosen.querySelector("input[value='" + item.id + "']");
      if (existing) {
        existing.checked = true;
        announce(messages.already.replace("{term}", item.label));
      } else {
        var row = document.createElement("li");
        row.className = "reseau-term-chooser__term";
        var box = document.createElement("input");
        box.type = "checkbox";
        box.name = name;
        box.value = item.id;
        box.checked = true;
        box.id = idPrefix + "-" + item.id;
        var label = text(document.createElement("label"), item.path_label);
        label.htmlFor = box.id;
        row.appendChild(box);
        row.appendChild(label);
        chosen.appendChild(row);
        if (empty) { empty.hidden = true; }
        box.dispatchEvent(new Event("change", { bubbles: true }));
        announce(messages.added.replace("{term}", item.label));
      }
      input.value = "";
      close();
      input.focus();
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(search, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      var open = !listbox.hidden;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open) { search(); } else { highlight(active + 1); }
      } else if (event.key === "ArrowUp") {
        if (open) { event.preventDefault(); highlight(active - 1); }
      } else if (event.key === "Enter") {
        if (open && active >= 0) { event.preventDefault(); choose(active); }
      } else if (event.key === "Escape") {
        if (open) { event.preventDefault(); close(); }
      } else if (event.key === "Tab") {
        close();
      }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 150); });
  }

  function init(scope) {
    (scope || document).querySelectorAll("[data-term-chooser]").forEach(setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { init(); });
  } else {
    init();
  }
  window.reseauTermChooser = { init: init };
})();
