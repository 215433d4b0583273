"""The search record of each question, cut from a built transcript page."""

from __future__ import annotations

from bs4 import BeautifulSoup

from generator.site.question_pages import question_pages

URL = "transcripts/2022-01-12-press-conference/"

PAGE = """<!doctype html>
<html lang="en"><head>
<meta data-pagefind-filter="year[content]" content="2022">
<meta data-pagefind-meta="date[content]" content="2022-01-12">
<meta data-pagefind-sort="date[content]" content="2022-01-12">
<meta data-pagefind-filter="event[content]" content="Press conference">
<meta data-pagefind-meta="event[content]" content="Press conference">
<meta data-pagefind-filter="speaker[content]" content="Jens Stoltenberg">
<meta data-pagefind-filter="outlet[content]" content="CNN">
<meta data-pagefind-filter="outlet[content]" content="&lt;b&gt;TASS&lt;/b&gt;">
<meta data-pagefind-filter="topic[content]" content="Ukraine">
</head><body><article><div data-pagefind-body>
<h1>Press &amp; conference<a class="headerlink" href="#">&para;</a></h1>
<p class="pr-meta">12 January 2022</p>
<h2 id="opening-statement">Opening statement<a class="headerlink" href="#opening-statement">&para;</a></h2>
<p>Good afternoon.</p>
<h2 id="q1-cnn">Q1 · <a href="../../people/alex-marquardt/">Alex Marquardt</a>, <a href="../../outlets/cnn/">CNN</a>: \
Missiles?<a class="headerlink" href="#q1-cnn">&para;</a></h2>
<p class="md-tags pr-topics" data-pagefind-ignore=""><a class="md-tag" href="../../topics/russia/">Russia</a></p>
<p class="pr-question"><strong>Alex Marquardt (CNN):</strong> What about missiles?</p>
<p><strong>Jens Stoltenberg:</strong> Russia listened.</p>
<ul><li class="pr-asked">Asked before: <a href="../x/#q1">Q1</a></li></ul>
<h2 id="q2-tass">Q2 · <a href="../../outlets/tass/">&lt;b&gt;TASS&lt;/b&gt;</a>: \
Open?<a class="headerlink" href="#q2-tass">&para;</a></h2>
<p class="pr-question"><strong>&lt;b&gt;TASS&lt;/b&gt;:</strong> Is the &lt;script&gt;door&lt;/script&gt; open?</p>
<p>It is.</p>
<p class="pr-neighbours"><a href="../../years/2022/">All transcripts of 2022</a></p>
</div></article></body></html>"""


def records() -> dict[str, BeautifulSoup]:
    return {anchor: BeautifulSoup(html, "html.parser") for anchor, html in question_pages(PAGE.encode(), URL)}


def fields(record: BeautifulSoup) -> list[tuple[str, str]]:
    """(attribute value, content) of each Pagefind meta tag of a record, in order."""
    found = []
    for meta in record.head.find_all("meta"):
        kind = next((name for name in meta.attrs if name.startswith("data-pagefind-")), None)
        if kind is not None:
            found.append((f"{kind.removeprefix('data-pagefind-')}:{meta[kind]}", meta["content"]))
    return found


def test_a_record_per_question_and_none_for_the_statement() -> None:
    assert list(records()) == ["q1-cnn", "q2-tass"]


def test_a_record_keeps_the_transcripts_filters_and_has_the_questions_own() -> None:
    record = records()["q1-cnn"]
    assert record.html["lang"] == "en"
    assert fields(record) == [
        ("filter:year[content]", "2022"),
        ("meta:date[content]", "2022-01-12"),
        ("sort:date[content]", "2022-01-12"),
        ("filter:event[content]", "Press conference"),
        ("meta:event[content]", "Press conference"),
        ("filter:speaker[content]", "Jens Stoltenberg"),
        ("meta:title[content]", "Q1 · Alex Marquardt, CNN: Missiles?"),
        ("meta:url[content]", f"{URL}#q1-cnn"),
        ("meta:transcript[content]", "Press & conference"),
        ("filter:asker[content]", "Alex Marquardt"),
        ("filter:outlet[content]", "CNN"),
        ("filter:topic[content]", "Russia"),
    ]


def test_a_record_holds_the_section_up_to_the_next_heading() -> None:
    body = records()["q1-cnn"].select_one("[data-pagefind-body]")
    assert [element.name for element in body.find_all(recursive=False)] == ["p", "p", "p", "ul"]
    assert body.get_text(" ", strip=True) == (
        "Russia Alex Marquardt (CNN): What about missiles? Jens Stoltenberg: Russia listened. Asked before: Q1"
    )  # the chips are data-pagefind-ignore, the asked list excluded when indexing (QUESTION_EXCLUDE)
    last = records()["q2-tass"].select_one("[data-pagefind-body]")
    assert last.find_all(recursive=False)[-1]["class"] == ["pr-neighbours"]  # excluded when indexing


def test_text_stays_text_in_a_record() -> None:
    record = records()["q2-tass"]
    assert ("filter:outlet[content]", "<b>TASS</b>") in fields(record)
    assert ("meta:title[content]", "Q2 · <b>TASS</b>: Open?") in fields(record)
    assert record.find("script") is None and record.find("b") is None
    assert "Is the <script>door</script> open?" in record.get_text()


def test_a_page_without_a_pagefind_body_has_no_record() -> None:
    assert list(question_pages(b"<html><body><h2 id='q1'>Q1</h2></body></html>", URL)) == []


def test_a_question_without_words_has_no_record() -> None:
    page = PAGE.replace("<p>It is.</p>", "").replace(
        "<p class=\"pr-question\"><strong>&lt;b&gt;TASS&lt;/b&gt;:</strong> Is the &lt;script&gt;door&lt;/script&gt; open?</p>",
        "<p class=\"pr-question\"> </p>",
    )
    assert [anchor for anchor, _html in question_pages(page.encode(), URL, (".pr-neighbours",))] == ["q1-cnn"]
    # Only words the index leaves out: no record. Words it reads (nothing left out): a record.
    assert [anchor for anchor, _html in question_pages(page.encode(), URL)] == ["q1-cnn", "q2-tass"]


def test_a_question_without_an_asker_or_an_outlet_has_no_record() -> None:
    # The index is asked only with an outlet or an asker chosen: such a question could never be a result.
    page = PAGE.replace('Q2 · <a href="../../outlets/tass/">&lt;b&gt;TASS&lt;/b&gt;</a>: ', "Q2: ")
    assert [anchor for anchor, _html in question_pages(page.encode(), URL)] == ["q1-cnn"]
    unlinked = PAGE.replace('<a href="../../people/alex-marquardt/">Alex Marquardt</a>', "Alex Marquardt")
    assert [anchor for anchor, _html in question_pages(unlinked.encode(), URL)] == ["q1-cnn", "q2-tass"]  # CNN's


def test_quotes_and_ampersands_in_a_value_stay_text() -> None:
    page = PAGE.replace("Missiles?", "&quot;Missiles&quot; &amp; 'rockets'?").replace(
        "<h1>Press &amp; conference", "<h1>Press &amp; &quot;conference&quot;")
    record = {anchor: BeautifulSoup(html, "html.parser") for anchor, html in question_pages(page.encode(), URL)}["q1-cnn"]
    assert ("meta:title[content]", "Q1 · Alex Marquardt, CNN: \"Missiles\" & 'rockets'?") in fields(record)
    assert ("meta:transcript[content]", 'Press & "conference"') in fields(record)
