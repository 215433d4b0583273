/*
 * Pressroom: a "Cite" button on a transcript's title and on each question's
 * heading, which opens a dialog with the permalink and the citation in
 * every format, each with a copy button.
 *
 * A page carries its citations once, in its "Cite this transcript" box
 * (transcript.html), as text with two slots: the permalink and a
 * question's label. Here the slots are filled for the transcript, or for
 * one question: its own address and its label ("Q3"). Text goes in with
 * textContent only: titles and names are data, never markup.
 *
 * The dialog is the browser's own modal <dialog>: it keeps focus inside,
 * Escape closes it and focus goes back to the button that opened it.
 */
(function () {
  "use strict";

  var box = document.querySelector("[data-pr-cite]");
  if (!box) return;
  var formats = Array.prototype.map.call(box.querySelectorAll("pre[data-pr-cite-format]"), function (pre) {
    return { key: pre.getAttribute("data-pr-cite-format"), name: pre.getAttribute("data-pr-cite-name"), pre: pre };
  });
  var article = box.closest("[data-pagefind-body]") || document;
  var page = location.href.split("#")[0];
  var dialog = null;
  var opener = null;

  // The box stays for readers without the script; with it, the title's button shows the same.
  formats.forEach(function (format) { fill(format.pre, page, ""); });
  box.hidden = true;

  var title = article.querySelector("h1");
  if (title) addButton(title, "Cite this transcript", page, "");
  Array.prototype.forEach.call(article.querySelectorAll("h2[id]"), function (heading) {
    var number = /^q(\d+)(?:-|$)/.exec(heading.id);  // question anchors: docs/transcript-json.md
    if (!number) return;
    var label = "Q" + number[1];
    addButton(heading, "Cite " + label, page + "#" + heading.id, label);
  });

  /* Fill the slots of a citation: the permalink, and ", Q3" after the kind of document. */
  function fill(pre, url, label) {
    Array.prototype.forEach.call(pre.querySelectorAll("[data-pr-slot]"), function (slot) {
      var name = slot.getAttribute("data-pr-slot");
      slot.textContent = name === "url" ? url : name === "label" && label ? ", " + label : "";
    });
  }

  function citation(format, url, label) {
    var copy = format.pre.cloneNode(true);
    fill(copy, url, label);
    return copy.textContent;
  }

  function addButton(heading, name, url, label) {
    var button = element("button", "pr-cite-button");
    button.type = "button";
    button.textContent = "Cite";
    button.setAttribute("aria-label", name);
    button.setAttribute("aria-haspopup", "dialog");
    button.addEventListener("click", function () { open(button, url, label); });
    heading.appendChild(button);
  }

  function open(button, url, label) {
    if (!dialog) dialog = makeDialog();
    opener = button;
    dialog.querySelector("#pr-cite-dialog-title").textContent =
      label ? "Cite " + label + " of this transcript" : "Cite this transcript";
    var link = dialog.querySelector(".pr-cite-permalink a");
    link.href = url;
    link.textContent = url;
    dialog.pr.url = url;
    formats.forEach(function (format) {
      dialog.querySelector("pre[data-pr-cite-format='" + format.key + "']").textContent =
        citation(format, url, label);
    });
    dialog.pr.status.textContent = "";
    dialog.showModal();
  }

  function makeDialog() {
    var made = element("dialog", "pr-cite-dialog md-typeset");
    made.setAttribute("aria-labelledby", "pr-cite-dialog-title");
    var head = element("div", "pr-cite-dialog__head");
    var heading = element("h2");
    heading.id = "pr-cite-dialog-title";
    var close = element("button", "pr-cite-close");
    close.type = "button";
    close.textContent = "Close";
    close.addEventListener("click", function () { made.close(); });
    head.appendChild(heading);
    head.appendChild(close);
    made.appendChild(head);

    var status = element("p", "pr-cite-status");
    status.setAttribute("role", "status");
    made.pr = { status: status, url: "" };

    var permalink = element("p", "pr-cite-permalink");
    var name = element("span", "pr-cite-permalink__name");
    name.textContent = "Permalink: ";
    permalink.appendChild(name);
    permalink.appendChild(element("a"));
    permalink.appendChild(copyButton("Copy the permalink", "Permalink", function () { return made.pr.url; },
      function () { return permalink.querySelector("a"); }));
    made.appendChild(permalink);

    formats.forEach(function (format) {
      var section = element("section", "pr-cite-entry");
      var label = element("h3");
      label.id = "pr-cite-dialog-" + format.key;
      label.textContent = format.name;
      var pre = element("pre");
      pre.setAttribute("data-pr-cite-format", format.key);
      pre.setAttribute("aria-labelledby", label.id);
      section.appendChild(label);
      section.appendChild(pre);
      section.appendChild(copyButton("Copy the " + format.name + " citation", format.name,
        function () { return pre.textContent; }, function () { return pre; }));
      made.appendChild(section);
    });
    made.appendChild(status);

    made.addEventListener("close", function () {
      if (opener) opener.focus();
    });
    // A tap or click on the backdrop (the dialog element itself, outside its box) closes it.
    made.addEventListener("click", function (event) {
      if (event.target !== made) return;
      var r = made.getBoundingClientRect();
      var inside = event.clientX >= r.left && event.clientX <= r.right && event.clientY >= r.top && event.clientY <= r.bottom;
      if (!inside) made.close();
    });
    document.body.appendChild(made);
    return made;
  }

  function copyButton(name, what, text, node) {
    var button = element("button", "pr-cite-copy");
    button.type = "button";
    button.textContent = "Copy";
    button.setAttribute("aria-label", name);
    button.addEventListener("click", function () {
      var value = text();
      var status = dialog.pr.status;
      var selectIt = function () {
        select(node());
        var copied = false;
        try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
        status.textContent = copied ? what + " copied" : what + " selected: press Ctrl+C (\u2318C) to copy";
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(value).then(function () {
          status.textContent = what + " copied";
        }, selectIt);
      } else {
        selectIt();
      }
    });
    return button;
  }

  function select(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function element(name, className) {
    var el = document.createElement(name);
    if (className) el.className = className;
    return el;
  }
})();
