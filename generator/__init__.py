"""Pressroom: raw press transcripts in, a searchable static archive out.

The build is a short line of stages, each a package with one public function:

    reading   raw bytes + sidecar metadata -> RawDocument
    cleaning  RawDocument -> CleanDocument (website chrome removed, page breaks joined)
    parsing   CleanDocument -> Transcript (turns, speakers, questions)
    enrich    all Transcripts -> Corpus (people, outlets, topics, links)
    render    Corpus -> Markdown pages
    site      pages -> MkDocs + Pagefind site
"""

__version__ = "0.1.0"
