// Search loads when a reader reaches for it, not on every page view.
// Material starts its search worker and downloads the whole search index (about 85 KB gzip
// together) as soon as any page opens, although most readers never search. Loaded just before
// Material's bundle (overrides/main.html), this file holds both back until the reader focuses
// or opens the search box, or the address itself asks for search (?q= or ?h=). Material then
// works as usual: "Initializing search" shows for the moment the index takes to arrive.
// Only Material's search is touched (its form is named "search"); under Zensical it does nothing.
(function () {
  if (!document.forms.namedItem("search") || !window.Worker) return;

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

  // The index request is sent only when wanted.
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

  // Material gets a stand-in at once; the real worker (and its script) starts only when wanted,
  // and receives every message the stand-in was given.
  var RealWorker = window.Worker;
  window.Worker = function (url, options) {
    if (!SEARCH_WORKER.test(pathOf(url))) return new RealWorker(url, options);
    var standIn = new EventTarget();
    var queued = [];
    var worker = null;
    standIn.postMessage = function (message) {
      if (worker) worker.postMessage(message); else queued.push(message);
    };
    standIn.terminate = function () {
      if (worker) worker.terminate();
      queued = [];
    };
    whenWanted(function () {
      worker = new RealWorker(url, options);
      worker.addEventListener("message", function (event) {
        standIn.dispatchEvent(new MessageEvent("message", { data: event.data }));
      });
      queued.splice(0).forEach(function (message) { worker.postMessage(message); });
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
