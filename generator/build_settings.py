"""What a build is asked to do: where it reads and writes, and how a preview's rebuild differs."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.cache import PackMemory
from generator.render import RenderSettings
from generator.site import CompiledTemplates


@dataclass(frozen=True)
class BuildSettings:
    """Where the build reads and writes. Relative paths are from the working folder."""

    content_dir: Path = Path("content")
    site_dir: Path = Path("site")
    docs_dir: Path = Path("build/docs")
    """The generated Markdown pages: replaced at every build."""
    config_file: Path = Path("mkdocs.yml")
    strict: bool = False
    """Publish nothing when the content has problems or warnings, or MkDocs warns."""
    cache_dir: Path | None = Path(".pressroom/cache")
    """Parsed transcripts and their enrichment kept between builds, so a rebuild parses and
    enriches only what changed; None: no cache."""
    render: RenderSettings = field(default_factory=RenderSettings)
    workers: int | None = None
    """Processes for parsing and rendering; None: every core."""
    incremental: bool = True
    """Render only the pages whose inputs changed since the build in ``docs_dir``."""


@dataclass(frozen=True)
class ServeRebuild:
    """How ``pressroom serve`` rebuilds (generator.preview), where a build for publishing differs.

    Another build follows in the same process, so what the caches read and
    the compiled theme stay in memory for it; the search index is left to a
    refresh in the background, so that an edit shows without waiting for Pagefind.
    """

    in_place: bool = True
    """Rebuild the site where it stands, MkDocs converting only the pages that changed (its dirty
    build). False when the theme changed: every page is converted again into a new site, which
    takes over the last search index until the refresh."""
    memory: PackMemory = field(default_factory=PackMemory, compare=False)
    """What the caches read, kept for the next rebuild: give each rebuild of one preview the same."""
    templates: CompiledTemplates = field(default_factory=CompiledTemplates, compare=False)
    """The theme's templates as compiled, kept for the next rebuild likewise."""
    downloads: bool = False
    """Write the downloads of the whole archive. A preview leaves them out (its Open data page
    says so): every edit would write them again, a second or more per 1,000 transcripts."""

    def render(self, settings: RenderSettings) -> RenderSettings:
        """How a preview renders, given how a build for publishing would."""
        return settings if self.downloads else replace(settings, downloads=False)
