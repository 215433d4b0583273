"""The plain alternative: a raw transcript of each format as a plain page, and its build end to end."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from benchmarks.plain import plain_build, plain_page, plain_config
from tests.support import copy_content

TXT = (
    "MODERATOR: Welcome. <b>Bold</b> & *stars* _under_ [link](x) {#id}\n"
    "# not a heading\n1. not a list\n- not an item\n===\n    indented\n\nQ (Reuters): Second paragraph.\r\n"
)
PAGE = (
    '<html><head><title>T</title><style>p{}</style><script>var x = "<p>";</script></head>'
    "<body><nav>Menu</nav><p><b>Vladimir Putin:</b> Good afternoon &amp; welcome &lt;tag&gt;.</p>"
    "<p>Question: Two?</p></body></html>"
)
# Each raw format Pressroom reads -> (bytes, the plain page's Markdown).
CASES: dict[str, tuple[bytes, str]] = {
    "brief.txt": (TXT.encode(), (
        "# A &lt;Press&gt; Conference\n\n"
        "MODERATOR: Welcome. &lt;b&gt;Bold&lt;/b&gt; &amp; \\*stars\\* \\_under\\_ \\[link\\](x) \\{#id\\}  \n"
        "\\# not a heading  \n1\\. not a list  \n\\- not an item  \n&#61;==  \nindented\n\n"
        "Q (Reuters): Second paragraph.\n")),
    "wh.md": (b"---\ntitle: Front\n---\nMS. PSAKI:  Hello \\[sic\\].  \n",
              "# wh.md\n\n\\---  \ntitle: Front  \n\\---  \nMS. PSAKI:  Hello \\\\\\[sic\\\\\\].\n"),
    "page.html": (PAGE.encode(), (
        "# page.html\n\nMenu\n\nVladimir Putin: Good afternoon &amp; welcome &lt;tag&gt;.\n\nQuestion: Two?\n")),
    "cap.vtt": (b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Rutte>Good morning.\n",
                "# cap.vtt\n\nWEBVTT\n\n00:00:01.000 --&gt; 00:00:02.000  \n&lt;v Rutte&gt;Good morning.\n"),
    "subtitles.srt": (b"1\n00:00:01,000 --> 00:00:02,000\n>> Thank you.\n",
                      "# subtitles.srt\n\n1  \n00:00:01,000 --&gt; 00:00:02,000  \n&gt;&gt; Thank you.\n"),
    "u16.txt": (codecs.BOM_UTF16_LE + "UTF-16 text".encode("utf-16-le"), "# u16.txt\n\nUTF-16 text\n"),
    "latin.txt": ("Café été\n".encode("cp1252"), "# latin.txt\n\nCaf\ufffd \ufffdt\ufffd\n"),
}


def _tiny(folder: Path) -> Path:
    (folder / "transcripts").mkdir(parents=True, exist_ok=True)
    for name, (data, _) in CASES.items():
        (folder / "transcripts" / name).write_bytes(data)
    (folder / "transcripts" / "brief.meta.yaml").write_text('title: "A <Press> Conference"\n', encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", sorted(CASES))
def test_plain_page_of_each_raw_format(tmp_path: Path, name: str) -> None:
    assert plain_page(_tiny(tmp_path) / "transcripts" / name) == CASES[name][1]


def test_plain_config_keeps_the_theme_and_leaves_transcripts_out_of_the_nav() -> None:
    config = plain_config()
    assert config["plugins"] == [] and config["nav"] == [{"Home": "index.md"}]
    assert config["not_in_nav"].split() == ["/transcripts/"]
    assert config["theme"]["name"] == "material" and Path(config["theme"]["custom_dir"]).is_dir()
    assert config["theme"]["palette"][0]["primary"] == "indigo" and config["site_url"] == ""
    assert config["markdown_extensions"][0] == "attr_list"


def test_plain_build_of_the_seeds_and_every_format(tmp_path: Path) -> None:
    """The seeds and a file of each format, built by MkDocs and indexed by Pagefind: the figures, the text literal."""
    content = _tiny(copy_content(tmp_path, "000_dc2035bffcbcb803", "002_a855cd627493f53a", "003_31df2163731fa648"))
    result = plain_build(content, tmp_path / "plain")
    assert "error" not in result["mkdocs"] and "error" not in result["pagefind"], result
    assert result["transcripts"] == 3 + len(CASES)
    assert result["seconds"] > 0 and result["mkdocs"]["cpu_seconds"] > 0 and result["peak_bytes"] > 0
    assert result["index_bytes"] > 0 and result["site_bytes"] > result["index_bytes"]
    assert result["site_bytes_per_transcript"] == (result["site_bytes"] + result["index_bytes"]) / 10
    assert result["transcript_pages"]["pages"] == 3 + len(CASES)
    site = tmp_path / "plain" / "site"
    brief = (site / "transcripts" / "brief" / "index.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; *stars* _under_ [link](x) {#id}" in brief  # shown, not rendered
    assert "# not a heading" in brief and "1. not a list" in brief and "<strong>" not in brief
    page = (site / "transcripts" / "page" / "index.html").read_text(encoding="utf-8")
    assert "welcome &lt;tag&gt;." in page and "var x" not in page
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert "transcripts/" not in (site / "index.html").read_text(encoding="utf-8").split("md-footer")[0].split(
        "md-nav--primary")[-1]  # no transcript in the navigation
