// The cost estimator on /cost-and-insurance/ (loaded there only). It reads the figures from the table
// the page shows without scripts (content_checks/costs.py writes them as data-* attributes) and does
// the same sums as costs.estimate(), which tests/test_cost.py holds it to. Nothing is stored or sent:
// only the chosen options go into the address (?options=…), never a price or an insurance share.
(function () {
  var box = document.querySelector(".cost-estimator");
  var table = document.querySelector("table.cost-table");
  if (!box || !table) return;
  var rows = [].slice.call(table.tBodies[0].rows);
  // The estimator's words, in the page's language, come with the table (content_checks/costs.py, WORDS):
  // a page carries only its own language's.
  var T = JSON.parse(table.getAttribute("data-words"));
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) { return values[name]; });
  }
  var sheet = [].slice.call(document.querySelectorAll(".cost-codes li[data-option]"));
  function words(cell) {  // a cell's text without its citation numbers
    var copy = cell.cloneNode(true);
    [].forEach.call(copy.querySelectorAll("sup"), function (sup) { sup.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }
  function num(value) { var n = parseFloat(value); return isNaN(n) ? null : n; }
  var options = rows.map(function (row) {
    var d = row.dataset;
    return { id: d.option, label: d.label, unit: d.unit, low: num(d.low), high: num(d.high), typical: num(d.typical),
             sessions: num(d.sessions) || null, firstMonth: num(d.firstMonth) || null, weeks: num(d.weeks) || null,
             every: num(d.every) || 0, drugLow: num(d.drugLow), drugHigh: num(d.drugHigh), pay: num(d.pay),
             cap: num(d.cap), source: words(row.cells[1]), course: d.course };
  });

  // ---- the arithmetic: the same as content_checks/costs.py, step by step ----
  function counts(o, inp) {
    if (o.unit === "month") return [1, 12, 12];
    var course = inp.sessions || 0;
    var first = Math.min(course, o.firstMonth || course);
    var weeks = o.weeks || 4;
    var more = inp.every > 0 && weeks < 52 ? Math.floor((52 - weeks) / inp.every) : 0;
    return [first, course, course + more];
  }
  function estimate(o, inp) {
    var low, high;
    if (inp.price !== null) { low = high = inp.price; } else if (o.low !== null && o.high !== null) { low = o.low; high = o.high; } else return null;
    if (o.unit === "session" && !inp.sessions) return null;
    var n = counts(o, inp);
    var share = 1 - Math.min(Math.max(inp.insured, 0), 100) / 100;
    var saving = inp.savings && o.drugLow !== null ?
      [Math.max(0, share * o.drugLow - o.pay), Math.max(0, share * o.drugHigh - o.pay), o.cap === null ? Infinity : o.cap] : null;
    function after(before, sessions, end) {
      var paid = before * share;
      if (saving) paid -= Math.min(saving[2], sessions * saving[end]);
      return Math.max(0, paid);
    }
    var r = {};
    [["month", n[0], n[0]], ["year", n[1], n[2]]].forEach(function (p) {
      var b = [low * p[1], high * p[2]];
      r[p[0]] = [Math.round(b[0]), Math.round(b[1])];
      r[p[0] + "_after"] = [Math.round(after(b[0], p[1], 0)), Math.round(after(b[1], p[2], 1))];
    });
    return r;
  }
  function money(v) { return "$" + Math.round(v).toLocaleString("en-US"); }
  function span(p) { return p[0] === p[1] ? money(p[0]) : money(p[0]) + T.to + money(p[1]); }

  // ---- the form ----
  function el(tag, text, cls) { var e = document.createElement(tag); if (text) e.textContent = text; if (cls) e.className = cls; return e; }
  var n = 0;
  function field(labelText, value, attrs) {
    var label = el("label"), input = el("input");
    input.id = "cost-" + (++n);
    input.type = "number";
    input.min = "0";
    input.inputMode = "decimal";
    if (attrs) for (var k in attrs) input.setAttribute(k, attrs[k]);
    input.value = value === null ? "" : String(value);
    label.htmlFor = input.id;
    label.append(labelText, input);
    return [label, input];
  }
  var choice = el("fieldset", "", "cost-choice");
  choice.append(el("legend", T.choose));
  var boxes = options.map(function (o) {
    var label = el("label"), input = el("input");
    input.type = "checkbox";
    input.value = o.id;
    label.append(input, o.label);
    choice.append(label);
    return input;
  });
  var insured = field(T.share, 0, { max: "100", step: "1" });
  var forms = el("div", "", "cost-forms");
  var result = el("table", "", "cost-result");
  var status = el("p", "", "cost-status");
  status.setAttribute("role", "status");
  var print = el("button", T.print);
  print.type = "button";
  box.append(choice, insured[0], forms, status, result, print);

  var inputs = {};
  options.forEach(function (o) {
    var set = el("fieldset", "", "cost-option");
    set.hidden = true;
    set.append(el("legend", o.label));
    var unit = o.unit === "month" ? T.units.month : T.units.session;
    var price = field(T.per + unit + " ($)", o.typical, { step: "1" });
    var given = o.typical !== null ? T.filled : T.noPrice;
    set.append(price[0], el("p", given + T.sources + o.source +
      (o.course ? T.schedule + o.course + T.seeCourse : ""), "cost-source"));
    var sessions = null, every = null, savings = null;
    if (o.unit === "session") {
      sessions = field(T.sessions, o.sessions, { step: "1" });
      every = field(T.every, o.every, { step: "1" });
      set.append(sessions[0], every[0]);
    }
    if (o.drugLow !== null) {
      var label = el("label");
      savings = el("input");
      savings.type = "checkbox";
      label.append(savings, T.savings);
      set.append(label);
    }
    forms.append(set);
    inputs[o.id] = { set: set, price: price[1], sessions: sessions && sessions[1], every: every && every[1], savings: savings };
  });

  function chosen() { return boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; }); }
  function show() {
    var ids = chosen(), lines = [], heads = T.heads;
    result.textContent = "";
    result.hidden = !ids.length;
    if (ids.length) {
      var head = result.createTHead().insertRow();
      heads.forEach(function (t) { var th = el("th", t); th.scope = "col"; head.append(th); });
    }
    var body = result.createTBody();
    // With nothing chosen, paper shows each option's typical costs without the long source notes
    // (they stay on screen, and notes cited only there leave the printout: site.js).
    [table.tHead.rows[0].cells[1]].concat(rows.map(function (row) { return row.cells[1]; })).forEach(function (cell) {
      cell.classList.toggle("screen-only", !ids.length);
    });
    options.forEach(function (o, i) {
      var on = ids.indexOf(o.id) >= 0, f = inputs[o.id];
      f.set.hidden = !on;
      // Left off paper (and their notes with them: site.js) when not chosen.
      rows[i].classList.toggle("screen-only", ids.length > 0 && !on);
      if (sheet[i]) sheet[i].classList.toggle("screen-only", ids.length > 0 && !on);
      if (!on) return;
      var typed = num(f.price.value);
      var inp = { price: typed === o.typical ? null : typed, sessions: f.sessions ? num(f.sessions.value) : null,
                  every: f.every ? num(f.every.value) || 0 : 0, insured: num(insured[1].value) || 0,
                  savings: !!(f.savings && f.savings.checked) };
      var r = estimate(o, inp), row = body.insertRow(), th = el("th", o.label);
      th.scope = "row";
      row.append(th);
      var cells = r ? [span(r.month), span(r.month_after), span(r.year), span(r.year_after)] : [T.enter, "", "", ""];
      cells.forEach(function (t, j) { var td = row.insertCell(); td.textContent = t; td.dataset.label = heads[j + 1]; });
      lines.push(fill(r ? T.line : T.none, { label: o.label, a: cells[0], b: cells[1], c: cells[2], d: cells[3] }));
    });
    status.textContent = ids.length ? lines.join(" ") + (ids.length > 3 ? T.many : "") : T.pick;
    var address = location.pathname + (ids.length ? "?options=" + ids.join(",") : "") + location.hash;
    if (address !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", address);
  }
  var asked = (new URLSearchParams(location.search).get("options") || "").split(",");
  boxes.forEach(function (b) { b.checked = asked.indexOf(b.value) >= 0; });
  box.addEventListener("input", show);
  box.addEventListener("change", show);
  print.addEventListener("click", function () { window.print(); });
  show();
})();
