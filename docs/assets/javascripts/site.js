// The site's script, loaded just before Material's bundle; everything works without it.
// 1. Search loads when a reader reaches for it, not on every page view (README: Performance).
// 2. "Copy link" buttons on /for-clinicians/, and a name for Material's search dialog.
// 3. On paper, notes only for what prints. (The choice of options on /compare/ is compare.js.)
(function () {
  if (!document.forms.namedItem("search") || !window.Worker) return;  // Zensical, or a very old browser
  var here = document.currentScript.src;

  var SEARCH_WORKER = /\/workers\/search\.[^/]+\.js$/;
  var SEARCH_INDEX = /\/search\/search_index\.json$/;
  var wanted = false;
  var waiting = [];

  function pathOf(url) {
    try { return new URL(String(url), location.href).pathname; } catch (error) { return ""; }
  }
  function whenWanted(start) {
    if (wanted) start(); else waiting.push(start);
  }
  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (start) { start(); });
  }

  // Material fetches the index (about 70 KB gzip) at once; the request waits until wanted.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.isSearchIndex = SEARCH_INDEX.test(pathOf(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.isSearchIndex) return send.apply(request, args);
    whenWanted(function () { send.apply(request, args); });
  };

  // Material gets a stand-in at once. When wanted, crisis.js loads (README: Search), then the real
  // worker starts, and crisis.js sees every message between them.
  var RealWorker = window.Worker;
  window.Worker = function (url, options) {
    if (!SEARCH_WORKER.test(pathOf(url))) return new RealWorker(url, options);
    var standIn = new EventTarget();
    var queued = [];
    var worker = null;
    var stopped = false;
    standIn.postMessage = function (message) {
      if (worker) worker.postMessage(message); else queued.push(message);
    };
    standIn.terminate = function () {
      stopped = true;
      if (worker) worker.terminate();
    };
    whenWanted(function () {
      var script = document.createElement("script");
      script.src = new URL("crisis.js", here);
      script.worker = standIn;
      script.onload = script.onerror = function () {
        if (stopped) return;
        worker = new RealWorker(url, options);
        worker.addEventListener("message", function (event) {
          standIn.dispatchEvent(new MessageEvent("message", { data: event.data }));
        });
        queued.splice(0).forEach(function (message) { standIn.postMessage(message); });
      };
      document.body.appendChild(script);
    });
    return standIn;
  };

  // Signs that the reader wants to search: the box gets focus (click, tap, or Material's "/",
  // "s" and "f" keys), the search toggle opens on a phone, or the pointer reaches the box.
  var params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) want();
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) want();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search") want();
  });
  document.addEventListener("pointerover", function (event) {
    if (event.target.closest && event.target.closest(".md-search, label[for='__search']")) want();
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

  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role='dialog']:not([aria-label])");
    if (dialog) dialog.setAttribute("aria-label", "Search this site");
  }

  function enhance() {
    addButtons();
    nameSearchDialog();
  }

  enhance();  // the page is already parsed: this file loads at the end of <body>
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
