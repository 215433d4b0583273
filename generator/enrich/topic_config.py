"""The topic part of enrichment: what content/topics.yaml configures, and the run over the corpus.

``content/topics.yaml`` holds the curated taxonomy (``topics:``, read by
generator.topics) and, optionally, the stage's settings (``settings:``,
read here), so a maintainer finds everything about topics in one file.
Both are validated before any transcript is parsed: a mistake stops the
build with the file, the line and what to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from generator.errors import ContentError, Problem
from generator.topics import Taxonomy, TopicSettings, load_taxonomy
from generator.topics.taxonomy import LOADER

TOPICS_FILE = "topics.yaml"

# Settings that are shares or similarities: a maintainer may mean 8 % and write 8.
_AT_MOST_ONE = ("discovery_max_share", "main_share", "similar_min_score", "similar_topic_weight")


@dataclass(frozen=True)
class TopicConfig:
    """The curated taxonomy and the settings the topic stage runs with."""

    taxonomy: Taxonomy
    settings: TopicSettings = field(default_factory=TopicSettings)


def load_topic_config(content_dir: Path) -> TopicConfig:
    """Read and validate ``content_dir/topics.yaml``; raises ContentError naming the file and line.

    A content folder without the file has no curated topics: the stage then
    only suggests recurring phrases (or publishes them, if configured so).
    """
    path = content_dir / TOPICS_FILE
    source = str(path)
    if not path.is_file():
        return TopicConfig(Taxonomy((), source))
    taxonomy = load_taxonomy(path)  # the whole file is valid YAML from here on
    return TopicConfig(taxonomy, read_settings(path.read_text(encoding="utf-8"), source))


def read_settings(text: str, source: str) -> TopicSettings:
    """The ``settings:`` mapping of a topics file (defaults when there is none), validated key by key."""
    loader = LOADER(text)
    try:
        root = loader.get_single_node()
        node = _top_level(root, "settings")
        if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"):
            return TopicSettings()
        if not isinstance(node, yaml.MappingNode):
            raise _fail(source, node, "bad-settings", "'settings:' must be a mapping of setting: value",
                        "write each setting on its own line under 'settings:', e.g. 'publish_discovered: true'")
        values: dict[str, object] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in values:
                raise _fail(source, key_node, "duplicate-setting", f"setting '{key}' is given twice",
                            "keep one of them")
            value = loader.construct_object(value_node, deep=True)
            _check(key, value, source, key_node)
            values[key] = value
    finally:
        loader.dispose()
    return TopicSettings.from_mapping(values, source)


def _top_level(root: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(root, yaml.MappingNode):
        return None
    return next((value for name, value in root.value if name.value == key), None)


def _check(key: str, value: object, source: str, node: yaml.Node) -> None:
    """One setting, as TopicSettings.from_mapping checks it, failing at the setting's line."""
    try:
        TopicSettings.from_mapping({key: value}, source)
    except ContentError as error:
        raise ContentError(replace(error.problem, line=node.start_mark.line + 1)) from None
    if key in _AT_MOST_ONE and isinstance(value, (int, float)) and value > 1:
        raise _fail(source, node, "bad-setting", f"topic setting '{key}' is a share, at most 1, not {value!r}",
                    f"write {value / 100:g} for {value:g} %" if value <= 100 else "give a value between 0 and 1")


def _fail(source: str, node: yaml.Node, code: str, message: str, hint: str) -> ContentError:
    return ContentError(Problem(source, node.start_mark.line + 1, code, message, hint))
