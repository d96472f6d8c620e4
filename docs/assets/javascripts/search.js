// Search, on the search page only (README: Search). The same under MkDocs and Zensical: it reads
// Pagefind's index of the built pages (content_checks/search_index.py), and adds what readers need:
// 1. crisis words (docs/assets/search/best-bets.txt, [crisis]) show a box with 988, 911 and Get help
//    now, and Get help now comes first;
// 2. best bets: when a whole search is a phrase listed under a page, that page comes first;
// 3. a word with one typo is read as the page word it is closest to ("spravto" as "spravato").
// Nothing leaves the browser: every file it reads is this site's own.
// The Spanish edition (/es/, <html lang="es">) uses this same file, with its own words, index and best bets.
(function () {
  var page = document.querySelector(".md-content__inner");
  if (!page || !window.fetch) return;
  var root = new URL("../../", document.currentScript.src);  // this file is assets/javascripts/search.min.js
  var spanish = document.documentElement.lang === "es";
  var edition = spanish ? new URL("es/", root) : root;  // where this language's pages and index are
  var HELP = "get-help-now/";
  var WORDS = spanish ? {
    label: "Buscar en este sitio", button: "Buscar", help: "Ayuda para su búsqueda",
    lead: "<strong>No tiene que pasar por esto a solas.</strong> En EE. UU., hay ayuda ahora:",
    helpPage: "Ayuda ahora", one: " página encontrada.", many: " páginas encontradas.",
    fixed: " Resultados para \u201c{}\u201d.",
    none: "Ninguna página coincide con \u201c{}\u201d. Pruebe con menos palabras, o con otra palabra. " +
      "O empiece por las formas principales de entrar, abajo.",
    failed: "La búsqueda no pudo empezar en este navegador. Los enlaces de abajo llevan a cada parte del sitio.",
    bets: "assets/search/best-bets.es.txt",
    // As best-bets.es.txt's note says; accents are already gone ("qué" is "que").
    filler: ["que", "es", "son", "el", "la", "los", "las", "un", "una", "lo", "sobre", "de", "del"],
    common: ["y", "o", "pero", "para", "por", "con", "sin", "como", "cuanto", "cuanta", "cuantos", "cuantas",
      "cuando", "donde", "cual", "cuales", "quien", "porque", "sus", "les", "nos", "en", "al", "a", "si", "no", "ya",
      "mas", "este", "esto", "ese", "esa", "eso", "fue", "era", "ser", "hay", "tiene", "tengo", "despues", "antes",
      "ketamina"],
    quiet: ["yo", "me", "mi", "mis", "es", "esta", "estoy", "se", "le", "lo", "debo", "deberia", "puedo", "puede",
      "usted", "su", "muy", "realmente"]
  } : {
    label: "Search this site", button: "Search", help: "Help for your search",
    lead: "<strong>You are not alone.</strong> In the US, help is there now:",
    helpPage: "Get help now", one: " page found.", many: " pages found.",
    fixed: " Showing results for \u201c{}\u201d.",
    none: "No page matches \u201c{}\u201d. Try fewer words, or another word for it. " +
      "Or start from the main ways in below.",
    failed: "Search could not start in this browser. The links below lead to every part of the site.",
    bets: "assets/search/best-bets.txt",
    filler: ["what", "whats", "is", "are", "a", "an", "the", "about"],  // as best-bets.txt's note says
    common: ["and", "or", "but", "not", "no", "for", "from", "with", "into", "by", "could", "how", "why", "when",
      "where", "which", "who", "was", "were", "has", "have", "had", "been", "being", "that", "this", "these",
      "those", "there", "their", "they", "them", "than", "then", "so", "just", "any", "he", "she", "his", "her",
      "we", "us", "our", "in", "on", "at", "after", "before", "get", "getting", "much", "very", "ketamine"],
    quiet: ["i", "im", "ive", "am", "me", "my", "do", "does", "did", "it", "its", "to", "of", "can", "should",
      "will", "would", "be", "if", "you", "your", "exactly", "really", "actually"]
  };
  var FILLER = WORDS.filler;
  // Words too common to find a page by themselves (the filler, common and quiet words): they do not
  // count in a search of other words.
  var COMMON = FILLER.concat(WORDS.common, WORDS.quiet);

  // The form, the status line, the crisis box and the results go after the page's title and summary.
  var heading = page.querySelector("h1");
  var summary = page.querySelector(".admonition.summary");
  var ui = document.createElement("div");
  ui.className = "search-page";
  ui.innerHTML =
    '<form class="search-page__form" role="search">' +
    '<label for="search-page-query">' + WORDS.label + '</label>' +
    '<input id="search-page-query" type="search" autocomplete="off" enterkeyhint="search">' +
    '<button type="submit">' + WORDS.button + '</button></form>' +
    '<p class="search-page__status" role="status" aria-live="polite"></p>' +
    '<ol class="search-page__results"></ol>';
  (summary || heading).after(ui);
  var form = ui.querySelector("form");
  var input = form.querySelector("input");
  var status = ui.querySelector(".search-page__status");
  // The crisis box is a copy of the crisis strip at the top of every page (overrides/partials/
  // crisis-strip.html), so its numbers and links are written in one place, with its own words.
  var crisisBox = document.querySelector(".md-banner .crisis-strip").cloneNode(true);
  crisisBox.classList.add("search-page__crisis");
  crisisBox.setAttribute("aria-label", WORDS.help);
  crisisBox.hidden = true;
  crisisBox.querySelector("p").innerHTML = WORDS.lead;
  crisisBox.querySelector("a[href$='" + HELP + "']").textContent = WORDS.helpPage;
  var list = ui.querySelector(".search-page__results");
  ui.insertBefore(crisisBox, list);
  var noScript = page.querySelector(".search-page__no-script");
  if (noScript) noScript.hidden = true;

  // Lower case, no accents or apostrophes, anything else that is not a letter or digit a space.
  function plain(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f'\u2019]/g, "")
      .replace(/[^a-z0-9]+/g, " ").trim();
  }

  function withoutFiller(words) {
    return words.split(" ").filter(function (word) { return FILLER.indexOf(word) < 0; }).join(" ");
  }

  // A letter missing, extra or wrong, or two neighbours swapped (as content_checks/best_bets.py).
  function oneTypo(a, b) {
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) ||
      a.slice(i + 1) === b.slice(i) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }

  // An entry as a test of one word or phrase: "word*" also longer words, "word~" one typo too.
  function matcher(entry, whole) {
    var fuzzy = /~$/.test(entry);
    var stem = entry.replace(/~$/, "");
    var body = stem.replace(/\*$/, "").replace(/[^a-z0-9 ]/g, "") + (/\*$/.test(stem) ? "[a-z0-9]*" : "");
    var pattern = whole ? new RegExp("^(?:" + body + ")$") : new RegExp("(?:^| )(?:" + body + ")(?= |$)");
    return function (words) {
      if (pattern.test(words)) return true;
      var target = stem.replace(/\*$/, "");
      return fuzzy && (whole ? [words] : words.split(" ")).some(function (word) {
        return word.length > 3 && word.indexOf(" ") < 0 && oneTypo(word, target);
      });
    };
  }

  var crisisTests = [];
  var bets = [];  // [test, page address]
  function learnBets(text) {
    var group = null;
    text.split("\n").forEach(function (line) {
      line = line.replace(/#.*/, "").trim();
      var heading = /^\[(.*)\]$/.exec(line);
      if (heading) { group = heading[1].trim(); return; }
      if (!line || !group) return;
      var mark = /[*~]$/.exec(line);
      var entry = plain(line.replace(/[*~]$/, ""));
      if (group === "crisis") return crisisTests.push(matcher(entry + (mark ? mark[0] : ""), false));
      entry = withoutFiller(entry) + (mark ? mark[0] : "");
      bets.push([matcher(entry, true), group.replace(/(^|\/)index\.md$/, "$1").replace(/\.md$/, "/")]);
    });
  }

  var vocabulary = { words: [], known: {}, titles: {} };
  function learnWords(data) {
    vocabulary.words = data.words;  // most frequent first
    data.words.forEach(function (word) { vocabulary.known[word] = true; });
    vocabulary.titles = data.pages;
  }

  // At most two typos (letters missing, extra or wrong): the edit distance, given up beyond 2.
  function twoTypos(a, b) {
    if (Math.abs(a.length - b.length) > 2) return false;
    var row = [];
    for (var j = 0; j <= b.length; j++) row.push(j);
    for (var i = 1; i <= a.length; i++) {
      var next = [i];
      for (j = 1; j <= b.length; j++) {
        next.push(Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
      }
      if (Math.min.apply(null, next) > 2) return false;
      row = next;
    }
    return row[b.length] <= 2;
  }

  // Each word of four letters or more that no page uses, read as the most used page word one typo away
  // that starts with the same letter (typos in the first letter are rare; "hooked" is not "looked"); a
  // word of nine letters or more may have two ("disassociation" is "dissociation"), as search engines allow.
  function corrected(words) {
    return words.split(" ").map(function (word) {
      if (word.length < 4 || vocabulary.known[word] || /\d/.test(word)) return word;
      var near = function (test) {
        return vocabulary.words.find(function (known) { return known[0] === word[0] && test(word, known); });
      };
      return near(oneTypo) || (word.length >= 9 && near(twoTypos)) || word;
    }).join(" ");
  }

  function text(url) {
    return fetch(url).then(function (response) { return response.ok ? response.text() : ""; });
  }
  // The crisis words do not wait for the search engine, and work if it cannot start.
  var betsReady = text(new URL(WORDS.bets, root)).then(learnBets);
  var pagefind = null;
  var ready = Promise.all([
    import(new URL("pagefind/pagefind.js", edition).href).then(function (module) {
      pagefind = module;
      // Addresses as the index has them, from this language's root ("/compare/"), like the best bets'.
      // Ranking as Starlight sets it: term frequency and page length count little, so a long page
      // that names a word often does not outrank the page about it. The title counts as the heading it
      // is, not again as metadata (Pagefind 1.5 adds a title boost that put "Medicines and talk therapy"
      // first for every "therapy"). Measured: ENGINEERING.md, Search.
      return pagefind.options({ excerptLength: 24, baseUrl: "/", ranking: {
        pageLength: 0.1, termFrequency: 0.1, termSaturation: 2, termSimilarity: 9, metaWeights: { title: 0 } } });
    }),
    betsReady,
    fetch(new URL("search/words.json", edition)).then(function (response) { return response.json(); }).then(learnWords)
  ]);

  // Pagefind's excerpt is the part of a page with the best match. When that is the page's tags (index-only
  // words at weight 10, search_index.as_indexed), it would show a list of search words, so the page's
  // opening words after its title are shown instead, as plain text.
  var TAGS_WEIGHT = 10;  // search_index.TAGS_WEIGHT (a test checks they agree)
  function excerptOf(data) {
    var fromTags = (data.weighted_locations || []).some(function (at) { return at.weight >= TAGS_WEIGHT; });
    if (!fromTags || !data.content) return data.excerpt;
    var text = data.content.indexOf(data.meta.title) === 0 ? data.content.slice(data.meta.title.length) : data.content;
    var words = text.replace(/^[\s.:]+/, "").split(/\s+/);
    var plainText = document.createElement("p");
    plainText.textContent = words.slice(0, 24).join(" ") + (words.length > 24 ? " \u2026" : "");
    return plainText.innerHTML;
  }

  function item(url, title, excerpt) {
    var entry = document.createElement("li");
    var link = document.createElement("a");
    link.href = new URL(url.replace(/^\//, ""), edition).href;
    link.textContent = title;
    entry.appendChild(link);
    if (excerpt) {
      var teaser = document.createElement("p");
      teaser.innerHTML = excerpt;  // Pagefind's excerpt: the page's own text, escaped, with <mark> around matches
      entry.appendChild(teaser);
    }
    return entry;
  }

  // Each word a reader typed counts on its own (Pagefind alone wants pages with every word, and
  // readers type words no page uses: "is this clinic legit"): a page scores, for each word, its
  // Pagefind score for that word as a share of the best page's, and the pages with the highest sum
  // come first. Words too common to find a page by themselves do not count (ENGINEERING.md, Search).
  var QUIET = FILLER.concat(WORDS.quiet);
  function find(words) {
    var each = words.split(" ").filter(function (word, at, list) {
      return word.length > 2 && COMMON.indexOf(word) < 0 && list.indexOf(word) === at;
    });
    if (!each.length) {  // only common words: "how do i", "ketamine"
      var core = words.split(" ").filter(function (word) { return QUIET.indexOf(word) < 0; }).join(" ") || words;
      return pagefind.search(core).then(function (all) { return all.results; });
    }
    return Promise.all(each.map(function (word) { return pagefind.search(word); })).then(function (lists) {
      var score = {}, byId = {};
      lists.forEach(function (list) {
        var best = list.results.length ? list.results[0].score : 1;
        list.results.forEach(function (result) {
          score[result.id] = (score[result.id] || 0) + result.score / best;
          byId[result.id] = result;
        });
      });
      return Object.keys(score).sort(function (a, b) { return score[b] - score[a]; })
        .map(function (id) { return byId[id]; });
    });
  }

  var latest = 0;
  function run(query) {
    var ask = ++latest;
    var words = plain(query);
    if (!words) {
      list.textContent = "";
      status.textContent = "";
      crisisBox.hidden = true;
      return Promise.resolve();
    }
    var crisis = false, fixed;
    betsReady.then(function () {
      crisis = crisisTests.some(function (test) { return test(words); });
      if (ask === latest) crisisBox.hidden = !crisis;
    });
    return ready.then(function () {
      fixed = corrected(words);
      var bet = bets.find(function (pair) { return pair[0](withoutFiller(fixed)) || pair[0](withoutFiller(words)); });
      return find(fixed).then(function (results) {
        if (ask !== latest) return null;  // a newer search replaced this one
        return Promise.all(results.slice(0, 8).map(function (result) { return result.data(); }));
      }).then(function (found) {
        if (!found || ask !== latest) return;
        var first = (crisis ? ["/" + HELP] : []).concat(bet ? ["/" + bet[1]] : []);
        var shown = first.map(function (url) {
          var hit = found.find(function (data) { return data.url === url; });
          return hit || { url: url, meta: { title: vocabulary.titles[url] || url }, excerpt: "" };
        }).concat(found.filter(function (data) { return first.indexOf(data.url) < 0; }));
        crisisBox.hidden = !crisis;
        list.textContent = "";
        list.setAttribute("data-query", query);  // which search these results answer (tests wait for it)
        shown.forEach(function (data) { list.appendChild(item(data.url, data.meta.title, excerptOf(data))); });
        var note = fixed !== words ? WORDS.fixed.replace("{}", fixed) : "";
        status.textContent = shown.length
          ? shown.length + (shown.length === 1 ? WORDS.one : WORDS.many) + note
          : WORDS.none.replace("{}", query.trim());
      });
    }).catch(function () {
      return betsReady.then(function () {  // after the crisis check above
        if (ask !== latest) return;
        list.textContent = "";
        if (crisis) list.appendChild(item("/" + HELP, WORDS.helpPage, ""));
        list.setAttribute("data-query", query);
        status.textContent = WORDS.failed;
      });
    });
  }

  function searchNow() {
    return run(input.value);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    searchNow();
  });
  var typing = 0;
  input.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(searchNow, 150);
  });
  // The header's form sends the words after "#q=" (never to the web host); they are read, then taken
  // out of the address, so they stay in neither the address bar nor the browser's history.
  function readAddress() {
    if (!/^#q=/.test(location.hash)) return;
    input.value = decodeURIComponent(location.hash.slice(3));
    history.replaceState(null, "", location.pathname + location.search);
    searchNow();
  }
  addEventListener("hashchange", readAddress);  // the header's form, used on this page
  readAddress();
  input.focus();
})();
