// Crisis-first search (README: Search in readers' own words). site.js loads this file when a
// reader first reaches for search, just before the search worker starts, and hands it the worker's
// stand-in. When a search has a crisis word or phrase (the list is docs/assets/crisis-words.txt),
// a box above the results offers 988, 911 and Get help now, and Get help now is the first result.
// It also adds search.css, the styles only search needs. It asks nothing of any other site, and adds
// no inline style or script.
(function (worker) {
  if (!worker) return;
  var SETUP = 0, RESULT = 3;  // Material's search worker messages
  var HELP = "get-help-now/";  // Get help now's address in the search index (a published URL)
  var strip = document.querySelector(".md-banner__inner");  // the crisis strip, on every page
  var results = document.querySelector(".md-search-result");
  var input = document.querySelector("input.md-search__input");
  var helpDoc = { location: HELP, title: "Get help now", text: "" };  // until the index arrives
  var isCrisis = function () { return false; };

  // Lower case, no apostrophes, and anything else that is not a letter or digit is a space.
  function plain(text, keep) {
    return text.toLowerCase().replace(/['\u2019]/g, "").replace(keep || /[^a-z0-9]+/g, " ").trim();
  }

  // True when a word is a single typo away from another: a letter missing, extra or wrong,
  // or two letters swapped.
  function oneTypo(a, b) {
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) ||
      a.slice(i + 1) === b.slice(i) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }

  // One entry a line; "#" starts a note. "word*" also matches longer words that start so;
  // "word~" also matches the word with one typo. Matching is by whole words.
  function learn(text) {
    var phrases = [];
    var fuzzy = [];
    text.split("\n").forEach(function (line) {
      var entry = plain(line.replace(/#.*/, ""), /[^a-z0-9*~]+/g);
      if (!entry) return;
      if (/~$/.test(entry)) fuzzy.push(entry = entry.slice(0, -1));
      phrases.push(entry.replace(/[*~]/g, "[a-z0-9]*"));
    });
    if (!phrases.length) return;
    var pattern = new RegExp("(?:^| )(?:" + phrases.join("|") + ")(?= |$)");
    isCrisis = function (query) {
      var words = plain(query);
      return !!words && (pattern.test(words) || words.split(" ").some(function (word) {
        return fuzzy.some(function (right) { return word.length > 3 && oneTypo(word, right); });
      }));
    };
  }

  var here = document.currentScript.src;
  var words = fetch(new URL("../crisis-words.txt", here))
    .then(function (response) { return response.ok ? response.text() : ""; })
    .then(learn, function () {});

  // Search's own styles (result contrast, this box) load with search, not with every page.
  var styles = new Promise(function (done) {
    var sheet = document.createElement("link");
    sheet.rel = "stylesheet";
    sheet.href = new URL("../stylesheets/search.css", here);
    sheet.onload = sheet.onerror = done;
    document.head.appendChild(sheet);
  });
  var ready = Promise.all([words, styles]);

  // Material's Enter key reads a score from the first child of each link in the results; these links
  // score lowest, so Enter still opens the best result.
  function scoreLowest(copy) {
    copy.querySelectorAll("a").forEach(function (link) {
      var text = link.href.indexOf(HELP) >= 0 ? "Get help now" : link.textContent;
      link.innerHTML = '<span data-md-score="-1"></span>';
      link.firstChild.textContent = text;
    });
  }

  // On a phone the open search panel covers the crisis strip, so a copy of it stays at the top of the
  // panel whatever the query; the larger box below takes its place when a search has crisis words.
  var line = null;
  if (strip && results) {
    line = document.createElement("div");
    line.className = "md-banner crisis-line";
    line.appendChild(strip.cloneNode(true));
    line.querySelector(".crisis-strip").setAttribute("aria-label", "Crisis help while you search");
    scoreLowest(line);
    results.insertBefore(line, results.firstChild);
  }

  // The box: a copy of the crisis strip, with its own words, hidden until a search needs it.
  var box = null;
  if (strip && results) {
    box = document.createElement("div");
    box.className = "md-banner crisis-search";
    box.hidden = true;
    box.appendChild(strip.cloneNode(true));
    var region = box.querySelector(".crisis-strip");
    region.setAttribute("aria-label", "Help for your search");
    region.querySelector("p").innerHTML = "<strong>You are not alone.</strong> In the US, help is there now:";
    scoreLowest(box);
    results.insertBefore(box, line ? line.nextSibling : results.firstChild);
  }

  // Get help now goes first, above the best result, so Enter opens it too.
  function helpFirst(items) {
    var best = 0;
    items.forEach(function (group) {
      group.forEach(function (doc) { best = Math.max(best, doc.score); });
    });
    var at = items.findIndex(function (group) {
      return group.some(function (doc) { return doc.location.split("#")[0] === HELP; });
    });
    var group = at < 0 ? [] : items.splice(at, 1)[0];
    var page = group.find(function (doc) { return doc.location === HELP; }) ||
      Object.assign({}, helpDoc, { terms: {} });
    page.score = best + 1;
    items.unshift([page].concat(group.filter(function (doc) { return doc !== page; })));
  }

  var post = worker.postMessage;
  worker.postMessage = function (message) {
    if (message.type === SETUP) {
      helpDoc = message.data.docs.find(function (doc) { return doc.location === HELP; }) || helpDoc;
    }
    post(message);
  };

  var dispatch = worker.dispatchEvent;
  worker.dispatchEvent = function (event) {
    ready.then(function () {
      var message = event.data;
      if (message.type === RESULT) {
        var crisis = isCrisis(input ? input.value : "");
        if (box) box.hidden = !crisis;
        if (line) line.hidden = crisis;
        if (crisis) helpFirst(message.data.items);
      }
      dispatch.call(worker, event);
    });
    return true;
  };
})(document.currentScript.worker);
