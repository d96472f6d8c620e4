// The Option Grid on /compare/ (loaded there only, after site.js): a reader or clinician chooses
// options, and the grid, its notes, the printout and the page's address show only those
// (/compare/?options=infusion,spravato). Without this script the whole grid shows.
(function () {
  var grid = document.querySelector("table.option-grid");
  if (!grid) return;
  var heads = [].slice.call(grid.tHead.rows[0].cells, 1);
  var options = heads.map(function (th) {
    return { id: th.dataset.option, names: [th.dataset.option].concat((th.dataset.aliases || "").split(" ")),
             label: th.textContent.trim() };
  });
  var notes = [].slice.call(document.querySelectorAll(".footnote li[id]"));
  var citations = {};  // each note's id -> the citation numbers that point to it
  [].forEach.call(document.querySelectorAll("a.footnote-ref"), function (ref) {
    var id = ref.getAttribute("href").slice(1);
    (citations[id] = citations[id] || []).push(ref);
  });
  var shown = "";  // the options shown now, so a page load without a choice changes nothing
  // A term's meaning goes with its first use that shows: page_markup.py also marks its first use in
  // each other column and after the grid (term--again), and this picks one.
  var terms = [].slice.call(document.querySelectorAll(".md-content abbr.term, .md-content abbr.term--again"));
  // On paper the grid's terms get their meanings in the line of words above it (compare.md), not in
  // the narrow cells, where each meaning lengthened its row by lines (ENGINEERING.md).
  var wordsLine = (grid.closest(".compare-grid") || grid).previousElementSibling;
  if (wordsLine && !wordsLine.classList.contains("print-only")) wordsLine = null;
  var said = wordsLine ? [].map.call(wordsLine.querySelectorAll("strong"), function (name) {
    return name.textContent.replace(":", "").trim().toLowerCase();
  }) : [];
  var moreWords = document.createElement("span");
  if (wordsLine) {
    wordsLine.append(moreWords);
    grid.classList.add("option-grid--words-above");
  }
  // On paper the address and QR code lead to what the printout shows: with a choice, the chosen
  // address as text and no QR code, which is made at build time for the whole grid (ENGINEERING.md).
  var printUrl = document.querySelector(".print-url");
  var pageUrl = printUrl ? printUrl.textContent.split("?")[0] : "";
  var qr = document.querySelector("figure.print-qr");

  // Its words, in the page's language, come with the grid (content_checks/render.py, WORDS): a page carries
  // only its own language's.
  var T = JSON.parse(grid.getAttribute("data-words"));
  var box = document.createElement("fieldset");
  box.className = "option-choice";
  box.innerHTML = "<legend>" + T.legend + "</legend><p>" + T.pick + "</p>";
  var boxes = options.map(function (option) {
    var label = document.createElement("label");
    var input = document.createElement("input");
    input.type = "checkbox";
    input.value = option.id;
    label.append(input, option.label);
    box.appendChild(label);
    return input;
  });
  var status = document.createElement("p");
  status.setAttribute("role", "status");
  var all = document.createElement("button");
  all.type = "button";
  all.textContent = T.all;
  var print = document.createElement("button");
  print.type = "button";
  print.textContent = T.print;
  box.append(status, all, print);
  (grid.closest(".compare-grid") || grid).before(box);

  function placeMeanings() {
    var given = {};
    moreWords.textContent = "";
    terms.forEach(function (term) {
      var word = term.firstChild.textContent.trim();
      var first = !given[word.toLowerCase()] && !term.closest("[hidden]");
      if (first) given[word.toLowerCase()] = true;
      var inLine = said.indexOf(word.toLowerCase()) >= 0;  // the line above the grid explains it on paper
      term.className = first ? (inLine ? "term term--said" : "term") : "term--again";
      if (first) term.tabIndex = 0; else term.removeAttribute("tabindex");
      if (!first || inLine || !term.closest("table.option-grid")) return;
      var name = document.createElement("strong");
      name.textContent = word.charAt(0).toUpperCase() + word.slice(1) + ":";
      moreWords.append(" ", name, " " + term.lastChild.textContent.trim().replace(/^\(|\)$/g, "") + ".");
    });
  }

  function show(chosen, unknown) {
    var every = chosen.length === 0;
    boxes.forEach(function (input) { input.checked = chosen.indexOf(input.value) >= 0; });
    if (chosen.join() !== shown) {
      shown = chosen.join();
      [].forEach.call(grid.rows, function (row) {
        for (var i = 1; i < row.cells.length; i++) row.cells[i].hidden = !every && chosen.indexOf(options[i - 1].id) < 0;
      });
      notes.forEach(function (note, index) {
        note.value = index + 1;  // a note keeps its number when the ones before it hide
        note.hidden = !every && !(citations[note.id] || []).some(function (ref) { return !ref.closest("[hidden]"); });
      });
      placeMeanings();
      if (printUrl) printUrl.textContent = pageUrl + (every ? "" : "?options=" + chosen.join(","));
      if (qr) qr.hidden = !every;
    }
    var names = options.filter(function (o) { return chosen.indexOf(o.id) >= 0; }).map(function (o) { return o.label; });
    status.textContent = (unknown.length ? T.unknown + unknown.join(", ") + ". " : "") +
      (every ? T.every.replace("{n}", options.length) : T.some.replace("{k}", names.length).replace("{n}", options.length) +
       names.join(", ") + "." + (names.length > T.limit ? T.many : ""));
    var address = location.pathname + (every ? "" : "?options=" + chosen.join(",")) + location.hash;
    if (address !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", address);
  }

  placeMeanings();
  var asked = (new URLSearchParams(location.search).get("options") || "").split(",")
    .map(function (name) { return name.trim().toLowerCase(); }).filter(Boolean);
  show(options.filter(function (o) { return o.names.some(function (name) { return asked.indexOf(name) >= 0; }); })
              .map(function (o) { return o.id; }),
       asked.filter(function (name) { return !options.some(function (o) { return o.names.indexOf(name) >= 0; }); }));

  box.addEventListener("change", function () {
    show(boxes.filter(function (input) { return input.checked; }).map(function (input) { return input.value; }), []);
  });
  all.addEventListener("click", function () { show([], []); });
  print.addEventListener("click", function () { window.print(); });
})();
