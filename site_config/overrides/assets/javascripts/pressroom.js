/*
 * Pressroom: search with Pagefind in Material's header search box, and a
 * permalink beside every transcript paragraph.
 *
 * Pagefind's index is split into small files; nothing is fetched until the
 * reader opens the search box, and a query then loads only the chunks for
 * its words and the fragments of the results shown. Paths are resolved from
 * Material's site base, so the site works when served from a sub-path.
 */
(function () {
  "use strict";

  var MAX_RESULTS = 10;    // pages listed per query
  var MAX_SECTIONS = 3;    // questions listed per page
  var EXCERPT_WORDS = 26;  // words of context shown per result
  var IDLE = "Type to search the transcripts";

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
  var pagefind = null;
  var generation = 0;
  var timer = 0;

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", base).href).then(function (pf) {
        // init() fetches the index's metadata and starts the WebAssembly while
        // the reader types, instead of at the first query.
        return Promise.resolve(pf.options({ baseUrl: base.pathname }))
          .then(function () { return pf.init(); })
          .then(function () { return pf; });
      });
      pagefind.catch(function () {
        pagefind = null;
        status.textContent = "Search is not available: its index could not be loaded.";
      });
    }
    return pagefind;
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
    load().then(function (pf) {
      var options = { filters: filters };
      if (!query) options.sort = { date: "desc" };
      return pf.search(query || null, options);
    }).then(function (search) {
      if (mine !== generation || !search) return null;
      var shown = search.results.slice(0, MAX_RESULTS);
      return Promise.all(shown.map(function (r) { return r.data(); })).then(function (pages) {
        if (mine === generation) show(pages, search.results.length);
      });
    }).catch(function () {
      if (mine === generation) status.textContent = "Search failed. Please try again.";
    });
  }

  function show(pages, total) {
    list.replaceChildren.apply(list, pages.map(resultItem));
    if (total === 0) status.textContent = "No transcript matches";
    else if (total === 1) status.textContent = "1 transcript matches";
    else status.textContent = total + " transcripts match" +
      (total > pages.length ? ", showing the first " + pages.length : "");
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
      sections.length ? null : excerpt(words, page.locations), "h1"));
    sections.forEach(function (sub) {
      item.appendChild(resultLink(sub.url, sub.title, null, excerpt(words, sub.locations), "h2"));
    });
    return item;
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

  /* About EXCERPT_WORDS words of the page's indexed text around the best
     run of hits, as [text, marked] pieces. Built from Pagefind's plain
     text and word positions, it never goes through HTML. */
  function excerpt(words, locations) {
    if (!words.length || !locations || !locations.length) return null;
    var run = longestRun(locations);
    var start = Math.max(0, run.start - Math.floor((EXCERPT_WORDS - run.length) / 2));
    var end = Math.min(words.length, start + EXCERPT_WORDS);
    start = Math.max(0, end - EXCERPT_WORDS);
    var hits = {};
    locations.forEach(function (at) { hits[at] = true; });
    var pieces = [];
    for (var i = start; i < end; i++) {
      pieces.push([(i > start ? " " : "") , false]);
      pieces.push([words[i], !!hits[i]]);
    }
    if (start > 0) pieces.unshift(["\u2026 ", false]);
    if (end < words.length) pieces.push([" \u2026", false]);
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
    var made = [["year", "Year"], ["event", "Event"], ["speaker", "Speaker"], ["outlet", "Outlet"], ["topic", "Topic"]]
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

  /* A "¶" link after every paragraph of a transcript, for citing it. Kept out
     of the tab order: the question headings carry the keyboard permalinks. */
  function addParagraphLinks() {
    var paragraphs = document.querySelectorAll("[data-pagefind-body] p[id]");
    Array.prototype.forEach.call(paragraphs, function (paragraph) {
      var link = document.createElement("a");
      link.className = "pr-cite";
      link.href = "#" + paragraph.id;
      link.title = "Link to this paragraph";
      link.tabIndex = -1;
      link.setAttribute("aria-hidden", "true");
      link.textContent = "\u00b6";
      paragraph.appendChild(link);
    });
  }
})();
