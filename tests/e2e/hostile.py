"""A content folder of hostile transcripts, and a benign one built beside them.

Every string here must show on its page as the literal text it is; none may
become an element, an attribute, a link or a template expression. Payloads
that would run set ``window.__pwned`` or open a dialog, so a browser can tell.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support import CONTENT

SCRIPT = "<script>window.__pwned = 1; alert(1)</script>"
IMG = '<img src=x onerror="window.__pwned = 1; alert(1)">'
JS_LINK = "[click](javascript:window.__pwned=1)"
LONG_LINE = " ".join(f"Allies{n % 10}" for n in range(6250)) + "."  # 50,000 characters on one line

# Transcript text that means something to HTML, Markdown, its extensions,
# template engines or YAML, one paragraph each.
PARAGRAPHS = (
    SCRIPT,
    IMG,
    JS_LINK,
    "[a link](https://example.org/)",
    "![an image](x.png)",
    "# heading",
    "## heading ##",
    "- item",
    "* item",
    "+ item",
    "1. item",
    "> quote",
    "| a | b |",
    "|---|---|",
    "&amp; &lt;b&gt; &#169; &copy;",
    "{: .x #y onclick=alert(1) }",
    "{#custom-id}",
    "{{ config }} {{ 7 * 7 }}",
    "{% raw %} {% endraw %}",
    "{% include 'x.html' %} {{ page.title | upcase }} {%- comment -%}",
    "--- title: pwned ---",
    "*not emphasis* **not strong** _not em_ `not code`",
    "```",
    "~~~",
    "!!! note",
    "[^1]: a footnote",
    "<!-- a comment -->",
    "<div markdown>x</div>",
    "مرحبا بالعالم، هذا نص عربي",
    "שלום עולם, זה טקסט בעברית",
    "Flags and hands: 🇺🇦 👍🏽 🤝 👩‍👩‍👧",
    "Mixed: NATO ‏نعم‎ שלום 42",
)

# A line of nothing but a link is website chrome (rule link-only); inside a sentence it is text.
IN_A_SENTENCE = (*PARAGRAPHS, "<https://example.org/autolink>")
SENTENCE = f"Inside a sentence: {' and '.join(IN_A_SENTENCE)}."

# Values that break YAML front-matter unless they are quoted and escaped.
TITLE = "Doorstep: \"quoted\" # not a comment --- {{ config }} <script>window.__pwned=1</script> & [x](javascript:y)"
SPEAKER = "Ann \"O'Hara\": # - [x] &anchor *alias !tag {{ config }} <b>bold</b>"
LOCATION = "<b>Brussels</b> & {% raw %}: # Evere"
SOURCE_URL = "https://example.org/a?b=\"><script>window.__pwned=1</script>"
OUTLETS = ("{{ config }} Times", "Al-Jazeera — الجزيرة", "ערוץ 12 📺")

HOSTILE_SLUG = "2021-03-04-hostile"
QUESTIONS_SLUG = "2021-03-05-hostile-questions"
BENIGN_SLUG = "2021-03-03-benign"


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _meta(slug: str, date: str, title: str, speaker: str, location: str, source_url: str) -> str:
    return (
        f"title: {_quoted(title)}\ndate: {date}\nevent_type: press-conference\nformat: text\n"
        f"slug: {slug}\nspeakers: [{_quoted(speaker)}]\nlocation: {_quoted(location)}\n"
        f"source_url: {_quoted(source_url)}\n"
    )


def _transcript(statement: list[str], questions: list[tuple[str, str, str]]) -> str:
    """Raw text: a statement, a moderator calling, questions and answers, a stage direction."""
    blocks = [f"Secretary General: {statement[0]}", *statement[1:]]
    for outlet, question, answer in questions:
        blocks += [f"MODERATOR: We go to {outlet}.", f"Q ({outlet}): {question}", f"Secretary General: {answer}"]
    blocks.append("(Laughter)")
    return "\n\n".join(blocks) + "\n"


HOSTILE_TEXT = _transcript(
    ["Good morning.", *PARAGRAPHS, SENTENCE, LONG_LINE],
    [(outlet, f"Is {IMG} a question from {outlet}? {JS_LINK}", f"Perhaps. {SCRIPT} {{% raw %}}")
     for outlet in OUTLETS],
)
QUESTIONS_TEXT = _transcript(
    ["Opening.", "--- a rule? ---", "{{ config.extra }}"],
    [("Reuters", f"Question {n}: {text}?", f"Answer {n}: {text}.") for n, text in enumerate(PARAGRAPHS, start=1)],
)
# A statement long enough that its later paragraphs are left out of the quick search index, as the hostile one's are.
BENIGN_STATEMENT = (
    "Good morning. Ministers of foreign affairs met today at headquarters to review the work of the year, "
    "the plans for the coming months and the support that members give to each other, and they heard reports "
    "from the military committee on exercises, training, readiness and the state of the forces assigned to the "
    "common command structure."
)
BENIGN_TEXT = _transcript(
    [BENIGN_STATEMENT, "We met today.", "Allies agreed."],
    [("Reuters", "What did Russia say?", "Russia listened."),
     # Asked like the hostile questions and answered like them: the benign
     # page gets every topic piece (chips, asked before/since, related) too.
     ("Reuters", "Is this a question from Reuters?", "Perhaps. Russia listened.")],
)

# A taxonomy whose names and descriptions are hostile too: they show on
# transcript pages (chips, related transcripts), topic pages and the topics
# index. "Perhaps" (every hostile answer) is the payload topic's alias.
TOPIC_NAME = "Payload <script>window.__pwned = 1; alert(1)</script> {{ config }} *em* [x](javascript:alert(1)) | pipe"
TOPIC_DESCRIPTION = '<img src=x onerror="window.__pwned = 1"> {% raw %} `code` # not a heading &amp; {: .x }'
TOPICS = (
    "topics:\n"
    f"  - name: {_quoted(TOPIC_NAME)}\n    slug: payload\n    kind: policy-concept\n"
    f"    description: {_quoted(TOPIC_DESCRIPTION)}\n    aliases: [Perhaps]\n"
    "  - name: Russia\n    kind: country-region\n    description: The Russian Federation.\n"
)


def hostile_content(folder: Path) -> Path:
    """Write the content folder: two hostile transcripts, one benign one, and a hostile topic taxonomy."""
    content = folder / "content"
    transcripts = content / "transcripts"
    transcripts.mkdir(parents=True)
    for name in ("people.yaml", "outlets.yaml"):
        shutil.copy(CONTENT / name, content / name)
    (content / "topics.yaml").write_text(TOPICS, encoding="utf-8")
    files = {
        "hostile": (HOSTILE_TEXT, _meta(HOSTILE_SLUG, "2021-03-04", TITLE, SPEAKER, LOCATION, SOURCE_URL)),
        "hostile_questions": (QUESTIONS_TEXT, _meta(QUESTIONS_SLUG, "2021-03-05", f"Questions {TITLE}",
                                                    SPEAKER, LOCATION, SOURCE_URL)),
        "benign": (BENIGN_TEXT, _meta(BENIGN_SLUG, "2021-03-03", "Press conference", "Jens Stoltenberg",
                                      "Brussels", "https://www.nato.int/cps/en/natohq/opinions_1.htm")),
    }
    for name, (text, meta) in files.items():
        (transcripts / f"{name}.txt").write_text(text, encoding="utf-8")
        (transcripts / f"{name}.meta.yaml").write_text(meta, encoding="utf-8")
    return content
