// The site's script, loaded just before Material's bundle; everything works without it.
// 1. The header's search form: opened by the search button or "/" (search itself runs on the search
//    page, search.js).
// 2. "Copy link" buttons on /for-clinicians/.
// 3. On paper, notes only for what prints. (The choice of options on /compare/ is compare.js.)

// 1. The header's search form (overrides/partials/search.html): it opens the search page with the
//    words after "#"; on a phone, the search button opens it as a panel with the typing place ready;
//    "/" goes to it, as in Material; Escape closes the panel.
(function () {
  var toggle = document.getElementById("__search");
  var form = document.forms.namedItem("site-search");
  if (!toggle || !form) return;
  var input = form.querySelector("input");
  // The words go after "#" (never sent to the web host); the search page reads them and clears them.
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    location.href = form.action + "#q=" + encodeURIComponent(input.value);
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) input.focus();
  });
  document.addEventListener("keydown", function (event) {
    var typing = event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      if (getComputedStyle(form).display === "none" || !form.offsetParent) toggle.checked = true;
      input.focus();
    } else if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      input.blur();
    }
  });
})();

(function () {
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = document.execCommand("copy");
    document.body.removeChild(area);
    return done ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function addButtons() {
    document.querySelectorAll("a.copy-link:not([data-copy-ready])").forEach(function (link) {
      link.setAttribute("data-copy-ready", "");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-link__button";
      button.textContent = "Copy link";
      button.setAttribute("aria-label", "Copy link " + link.href);
      var status = document.createElement("span");
      status.className = "copy-link__status";
      status.setAttribute("role", "status");
      button.addEventListener("click", function () {
        copy(link.href).then(function () { status.textContent = "Copied"; },
                             function () { status.textContent = "Select the address to copy it"; });
        setTimeout(function () { status.textContent = ""; }, 3000);
      });
      link.after(button, status);
    });
  }

  addButtons();  // the page is already parsed: this file loads at the end of <body>
})();

// 3. On paper, a note cited only by text that does not print (a screen-only part, an option not
// chosen on /compare/) is left out. Each note keeps its number.
(function () {
  addEventListener("beforeprint", function () {
    var notes = [].slice.call(document.querySelectorAll(".footnote li[id]"));
    notes.forEach(function (note, index) {
      note.value = index + 1;
      var refs = document.querySelectorAll('a.footnote-ref[href="#' + CSS.escape(note.id) + '"]');
      note.classList.toggle("print-unused", ![].some.call(refs, function (ref) {
        return !ref.closest(".screen-only, [hidden]");
      }));
    });
  });
})();
