/*
 * Pressroom: search with Pagefind in Material's header search box, and a
 * permalink beside every transcript paragraph.
 *
 * Pagefind's index is split into small files; nothing is fetched until the
 * reader opens the search box, and a query then loads only the chunks for
 * its words and the fragments of the results shown. Paths are resolved from
 * Material's site base, so the site works when served from a sub-path.
 *
 * The site has two indexes (generator/site/search.py). The quick one reads
 * the questions and the start of every answer; a common word's part of it
 * stays small however large the archive grows. The every-word one is asked
 * when the quick one finds fewer transcripts than a page of results, and
 * for every query while "Every word" is ticked.
 */
(function () {
  "use strict";

  var MAX_RESULTS = 10;    // pages listed per query
  var MAX_SECTIONS = 3;    // questions listed per page
  var EXCERPT_WORDS = 26;  // words of context shown per result
  var IDLE = "Type to search the transcripts";
  var BUNDLES = { quick: "pagefind/", full: "pagefind-full/", questions: "pagefind-questions/" };
  var QUESTION_FILTERS = ["outlet", "asker"];  // filters that select questions, not transcripts
  var PARTS = "parts.json";  // the question index's parts, each a bundle of its own

  var configElement = document.getElementById("__config");
  var config = configElement ? JSON.parse(configElement.textContent) : { base: "." };
  var base = new URL(config.base.replace(/\/?$/, "/"), location.href);

  addParagraphLinks();

  var root = document.querySelector("[data-pr-search]");
  var toggle = document.getElementById("__search");
  if (!root || !toggle) return;
  var form = root.querySelector("[data-pr-search-form]");
  var input = root.querySelector("[data-pr-search-query]");
  var status = document.getElementById("pr-search-status");
  var list = document.getElementById("pr-search-results");
  var filterBox = root.querySelector("[data-pr-search-filters]");
  var selects = addFilterFields(filterBox);
  var everyWord = addEveryWordField(filterBox);
  var script = null;  // Pagefind's module
  var indexes = {};
  var generation = 0;
  var timer = 0;

  /* One of BUNDLES, loaded once: init() fetches the index's metadata and
     starts the WebAssembly while the reader types, not at the first query.
     Every index runs on one copy of Pagefind's script and worker (the quick
     bundle's); the others fetch their own metadata, WebAssembly and index
     chunks. The question index comes in parts (a large archive's would not
     fit in the build's memory whole), merged into one with mergeIndex:
     their results are ranked together. */
  function load(name) {
    name = name || "quick";
    if (!indexes[name]) {
      if (!script) script = import(new URL(BUNDLES.quick + "pagefind.js", base).href);
      indexes[name] = Promise.all([script, folders(name)]).then(function (loaded) {
        var pf = loaded[0], paths = loaded[1].map(function (folder) {
          return new URL(BUNDLES[name] + folder, base).pathname;
        });
        var index = pf.createInstance({ basePath: paths[0] });
        return Promise.resolve(index.options({ baseUrl: base.pathname }))
          .then(function () { return index.init(); })
          .then(function () {
            return Promise.all(paths.slice(1).map(function (path) {
              return index.mergeIndex(path, { baseUrl: base.pathname });
            }));
          })
          .then(function () { return index; });
      });
      indexes[name].catch(function () {
        indexes[name] = null;
        script = null;
        status.textContent = "Search is not available: its index could not be loaded.";
      });
    }
    return indexes[name];
  }

  /* The folders of an index's bundles, from BUNDLES[name]: its parts, in
     order (newest transcripts first), or the index's own folder. */
  function folders(name) {
    if (name !== "questions") return Promise.resolve([""]);
    return fetch(new URL(BUNDLES.questions + PARTS, base).href).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.url);
      return response.json();
    }).then(function (listing) { return listing.parts; });
  }

  function find(name, query, filters) {
    return load(name).then(function (pf) {
      var options = { filters: filters };
      if (!query) options.sort = { date: "desc" };
      return pf.search(query || null, options);
    });
  }

  function activeFilters() {
    var filters = {};
    selects.forEach(function (select) {
      if (select.value) filters[select.getAttribute("data-pr-filter")] = select.value;
    });
    return filters;
  }

  function run() {
    var query = input.value.trim();
    var filters = activeFilters();
    var mine = ++generation;
    if (!query && !Object.keys(filters).length) {
      list.replaceChildren();
      status.textContent = IDLE;
      return;
    }
    status.textContent = "Searching\u2026";
    if (QUESTION_FILTERS.some(function (name) { return filters[name]; })) {
      // An outlet or an asker asked questions, not transcripts: the index of questions answers.
      find("questions", query, filters).then(function (search) {
        if (mine !== generation || !search) return null;
        return show(search.results.slice(0, MAX_RESULTS), search.results.length, true, mine, questionItem);
      }).catch(function () {
        if (mine === generation) status.textContent = "Search failed. Please try again.";
      });
      return;
    }
    // Without words, both indexes list the same transcripts: the quick one does.
    var whole = everyWord.checked || !query;
    find(everyWord.checked && query ? "full" : "quick", query, filters).then(function (search) {
      if (mine !== generation || !search) return null;
      if (whole || search.results.length >= MAX_RESULTS) return { search: search, whole: whole };
      // Too few in the questions and the answers' openings: look at every word.
      return find("full", query, filters).then(function (full) {
        return full && { search: full, whole: true };
      });
    }).then(function (found) {
      if (mine !== generation || !found) return null;
      return show(found.search.results.slice(0, MAX_RESULTS), found.search.results.length, found.whole, mine,
        resultItem);
    }).catch(function () {
      if (mine === generation) status.textContent = "Search failed. Please try again.";
    });
  }

  /* The results in rank order, each as soon as it and those above it have
     their text: the best one shows without waiting for the tenth. The
     previous results stay until then, so the list does not blink while the
     reader types. */
  function show(results, total, whole, mine, itemOf) {
    var where = whole ? "" : " in their questions or the start of an answer";
    var unit = itemOf === questionItem ? "question" : "transcript";
    var text = total === 0 ? "No " + unit + " matches"
      : total === 1 ? "1 " + unit + " matches" + where
      : total + " " + unit + "s match" + where + (total > results.length ? ", showing the first " + results.length : "");
    if (!results.length) {
      list.replaceChildren();
      status.textContent = text;
      return null;
    }
    var pages = results.map(function (r) { return r.data(); });  // fetched at once, shown in order
    return pages.reduce(function (previous, page, rank) {
      return previous.then(function () { return page; }).then(function (data) {
        if (mine !== generation) return;
        if (rank === 0) {
          list.replaceChildren(itemOf(data));
          status.textContent = text;
        } else {
          list.appendChild(itemOf(data));
        }
      });
    }, Promise.resolve());
  }

  function resultItem(page) {
    var item = element("li", "md-search-result__item");
    var sections = page.sub_results.filter(function (sub) {
      return sub.anchor && sub.anchor.element !== "h1";  // the title is the page link itself
    });
    sections.sort(function (a, b) { return score(b) - score(a); });
    sections = sections.slice(0, MAX_SECTIONS);  // best first: Enter opens the first
    var facts = [formatDate(page.meta.date), page.meta.event].filter(Boolean).join(" \u00b7 ");
    var words = (page.content || "").split(/\s+/);
    item.appendChild(resultLink(page.url, page.meta.title, facts,
      sections.length ? null : excerpt(words, page.locations, 0, words.length), "h1"));
    sections.forEach(function (sub) {
      var said = sectionBody(page, sub, words.length);
      item.appendChild(resultLink(sub.url, sub.title, null,
        excerpt(words, sub.locations, said.start, said.end), "h2"));
    });
    return item;
  }

  /* A question: its heading, its transcript and date, the words around the hits. */
  function questionItem(record) {
    var item = element("li", "md-search-result__item");
    var facts = [record.meta.transcript, formatDate(record.meta.date)].filter(Boolean).join(" \u00b7 ");
    var words = (record.content || "").split(/\s+/);
    var url = new URL(record.meta.url, base);
    item.appendChild(resultLink(url.pathname + url.hash, record.meta.title, facts,
      excerpt(words, record.locations, 0, words.length), "h1"));
    return item;
  }

  /* The words of a question's section after its heading: {start, end} in
     the page's words. Pagefind's section (a sub-result) starts at its
     heading and its text, which is the result's title already; an excerpt
     taken from the whole section repeated it. */
  function sectionBody(page, sub, total) {
    var at = sub.anchor.location;
    var heading = (sub.anchor.text || "").split(/\s+/).filter(Boolean).length;
    var end = total;
    (page.anchors || []).forEach(function (anchor) {
      if (/^h\d$/i.test(anchor.element) && anchor.location > at && anchor.location < end) end = anchor.location;
    });
    return { start: Math.min(at + heading, end), end: end };
  }

  /* The question where the words stand together wins: the longest run of
     consecutive hits (a quoted phrase scores its length), then Pagefind's
     own weights. */
  function score(sub) {
    var weight = (sub.weighted_locations || []).reduce(function (sum, w) {
      return sum + w.balanced_score;
    }, 0);
    return longestRun(sub.locations).length * 1e6 + weight;
  }

  /* The longest run of consecutive word positions: {start, length}. */
  function longestRun(locations) {
    var positions = (locations || []).slice().sort(function (a, b) { return a - b; });
    var best = { start: positions.length ? positions[0] : 0, length: positions.length ? 1 : 0 };
    var start = best.start, length = best.length;
    for (var i = 1; i < positions.length; i++) {
      if (positions[i] === positions[i - 1] + 1) {
        length += 1;
      } else {
        start = positions[i];
        length = 1;
      }
      if (length > best.length) best = { start: start, length: length };
    }
    return best;
  }

  /* About EXCERPT_WORDS words of the page's indexed text from `from` up
     to `to` around the best run of hits there (the start of that text
     when the hits all fall outside it, in a question's heading), as
     [text, marked] pieces. Built from Pagefind's plain text and word
     positions, it never goes through HTML. */
  function excerpt(words, locations, from, to) {
    if (!words.length || !locations || !locations.length || to <= from) return null;
    var inside = locations.filter(function (at) { return at >= from && at < to; });
    var run = inside.length ? longestRun(inside) : { start: from, length: 0 };
    var start = Math.max(from, run.start - Math.floor((EXCERPT_WORDS - run.length) / 2));
    var end = Math.min(to, start + EXCERPT_WORDS);
    start = Math.max(from, end - EXCERPT_WORDS);
    var hits = {};
    inside.forEach(function (at) { hits[at] = true; });
    var pieces = [];
    for (var i = start; i < end; i++) {
      pieces.push([(i > start ? " " : "") , false]);
      pieces.push([words[i], !!hits[i]]);
    }
    if (start > from) pieces.unshift(["\u2026 ", false]);
    if (end < to) pieces.push([" \u2026", false]);
    return pieces;
  }

  function resultLink(href, title, facts, excerpt, level) {
    var link = element("a", "md-search-result__link");
    link.href = href;
    var article = element("article", "md-search-result__article md-typeset");
    var heading = element(level);
    heading.textContent = title || "";
    article.appendChild(heading);
    if (facts) {
      var line = element("p", "pr-search-result__facts");
      line.textContent = facts;
      article.appendChild(line);
    }
    if (excerpt) {
      var teaser = element("p", "md-search-result__teaser");
      appendExcerpt(teaser, excerpt);
      article.appendChild(teaser);
    }
    link.appendChild(article);
    return link;
  }

  function appendExcerpt(parent, pieces) {
    pieces.forEach(function (piece) {
      if (!piece[0]) return;
      var text = document.createTextNode(piece[0]);
      if (piece[1]) {
        var mark = element("mark");
        mark.appendChild(text);
        parent.appendChild(mark);
      } else {
        parent.appendChild(text);
      }
    });
  }

  function formatDate(iso) {
    if (!iso) return "";
    var date = new Date(iso + "T00:00:00Z");
    if (isNaN(date)) return iso;
    return date.toLocaleDateString("en-GB", {
      day: "numeric", month: "long", year: "numeric", timeZone: "UTC"
    });
  }

  function element(name, className) {
    var el = document.createElement(name);
    if (className) el.className = className;
    return el;
  }

  /* The filter fields, made here rather than in every page's HTML: they
     only work with the script anyway. */
  function addFilterFields(box) {
    var fields = element("div", "pr-search-filters__fields");
    var made = [["year", "Year"], ["event", "Event"], ["speaker", "Speaker"], ["outlet", "Outlet"], ["asker", "Asker"],
      ["topic", "Topic"]]
      .map(function (pair) {
        var label = element("label", "pr-search-filter");
        var name = element("span");
        name.textContent = pair[1];
        var select = element("select");
        select.setAttribute("data-pr-filter", pair[0]);
        var any = element("option");
        any.value = "";
        any.textContent = "Any";
        select.appendChild(any);
        label.appendChild(name);
        label.appendChild(select);
        fields.appendChild(label);
        return select;
      });
    box.appendChild(fields);
    return made;
  }

  /* "Every word": search whole answers, not only their start. Slower on a
     large archive: a common word's part of the every-word index is large. */
  function addEveryWordField(box) {
    var label = element("label", "pr-search-every-word");
    var checkbox = element("input");
    checkbox.type = "checkbox";
    checkbox.setAttribute("data-pr-every-word", "");
    label.appendChild(checkbox);
    label.appendChild(document.createTextNode("Every word: search whole answers, not only their start (slower)"));
    box.parentNode.insertBefore(label, box.nextSibling);
    return checkbox;
  }

  function loadFilters() {
    load().then(function (pf) { return pf.filters(); }).then(function (available) {
      selects.forEach(function (select) {
        var key = select.getAttribute("data-pr-filter");
        var counts = available[key] || {};
        var values = Object.keys(counts);
        values.sort(key === "year"
          ? function (a, b) { return b.localeCompare(a); }
          : function (a, b) { return a.localeCompare(b); });
        select.replaceChildren(select.options[0]);
        values.forEach(function (value) {
          var option = element("option");
          option.value = value;
          option.textContent = value + " (" + counts[value] + ")";
          select.appendChild(option);
        });
      });
    }).catch(function () { /* status already says search is unavailable */ });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  function open() {
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
  }

  function close() {
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
    input.blur();
  }

  input.addEventListener("focus", function () {
    if (!toggle.checked) open();
    load();
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked && document.activeElement !== input) input.focus();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var best = list.querySelector("a[href*='#']") || list.querySelector("a");
    if (best) best.click();
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { run(); input.focus(); }, 0);
  });
  selects.forEach(function (select) { select.addEventListener("change", run); });
  everyWord.addEventListener("change", run);
  filterBox.addEventListener("toggle", function () {
    if (filterBox.open && selects[0].options.length === 1) loadFilters();
  });
  list.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("a")) close();
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var active = document.activeElement;
    var typing = active && (/^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName) || active.isContentEditable);
    if (!toggle.checked) {
      if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) {
        event.preventDefault();
        open();
      }
      return;
    }
    if (!root.contains(active) && active !== document.body) return;
    var all = links();
    var at = all.indexOf(active);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" && all.length && (active === input || at >= 0)) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      if (at === 0) input.focus(); else all[at - 1].focus();
    }
  });

  /* A "¶" link after every paragraph of a transcript, for citing it. Shown
     on hover, on keyboard focus (it is in the tab order) and always on a
     touch screen, which has no hover (pressroom.css). */
  function addParagraphLinks() {
    var paragraphs = document.querySelectorAll("[data-pagefind-body] p[id]");
    Array.prototype.forEach.call(paragraphs, function (paragraph, at) {
      var link = document.createElement("a");
      link.className = "pr-cite";
      link.href = "#" + paragraph.id;
      link.title = "Link to this paragraph";
      // Paragraph ids are digests (docs/open-data.md): its place on the page names it better.
      link.setAttribute("aria-label", "Link to paragraph " + (at + 1) + " of the transcript");
      link.textContent = "\u00b6";
      paragraph.appendChild(link);
    });
  }
})();
