"""Load and validate the curated taxonomy (content/topics.yaml).

Every error names the file, the line and what to fix, and is raised as a
``ContentError`` so the build stops before any page is written. The file
format is documented at the top of content/topics.yaml.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

import yaml
from slugify import slugify

from generator.errors import ContentError, Problem
from generator.topics.matcher import phrase_literals
from generator.topics.model import Taxonomy, Topic, TopicKind
from generator.topics.phrases import PhraseError

# libyaml's loader where PyYAML has it: the taxonomy is read at every build,
# and the pure-Python parser steps through it character by character. Both give nodes with their lines.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# `settings:` holds the stage's TopicSettings; generator.enrich reads and validates it.
_TOP_KEYS = ("topics", "settings")
_KEYS = ("name", "slug", "kind", "description", "aliases", "patterns", "exclude", "case_sensitive", "parent")
_REQUIRED = ("name", "kind", "description")
_CURATED_KINDS = tuple(k.value for k in TopicKind if k is not TopicKind.DISCOVERED)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def load_taxonomy(path: Path, *, display_path: str | None = None) -> Taxonomy:
    """Read and validate a taxonomy file; ``display_path`` is used in messages."""
    where = display_path or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(
            Problem(where, None, "unreadable-taxonomy", f"cannot read the topic taxonomy: {error}")
        ) from error
    return parse_taxonomy(text, where)


def parse_taxonomy(text: str, source: str) -> Taxonomy:
    """Validate taxonomy text; ``source`` names the file in error messages."""
    checker = _Checker(source)
    root = checker.compose(text)
    topics_node = checker.topics_list(root)
    topics = tuple(checker.topic(node) for node in topics_node.value)
    checker.cross_check(topics)
    return Taxonomy(topics=topics, source=source)


class _Checker:
    """Turns YAML nodes into topics, failing with a located problem."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, node: yaml.Node | None, code: str, message: str, hint: str) -> ContentError:
        line = node.start_mark.line + 1 if node is not None else None
        return ContentError(Problem(self.source, line, code, message, hint))

    def compose(self, text: str) -> yaml.Node | None:
        try:
            return yaml.compose(text, Loader=LOADER)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = mark.line + 1 if mark is not None else None
            raise ContentError(
                Problem(
                    self.source,
                    line,
                    "bad-yaml",
                    f"not valid YAML: {error.problem}",
                    "check indentation and quoting near this line",
                )
            ) from error

    def topics_list(self, root: yaml.Node | None) -> yaml.SequenceNode:
        if not isinstance(root, yaml.MappingNode):
            raise self.fail(
                root,
                "no-topics",
                "the taxonomy must be a mapping with a 'topics:' list",
                "start the file with 'topics:'",
            )
        fields = self.mapping(root)
        extra = sorted(set(fields) - set(_TOP_KEYS))
        if extra:
            raise self.fail(
                fields[extra[0]][0],
                "unknown-key",
                f"unknown top-level key '{extra[0]}'",
                "only 'topics:' and 'settings:' are allowed at the top",
            )
        if "topics" not in fields or not isinstance(fields["topics"][1], yaml.SequenceNode):
            node = fields["topics"][1] if "topics" in fields else root
            raise self.fail(
                node, "no-topics", "'topics:' must be a list of topics", "write each topic as '- name: ...'"
            )
        return fields["topics"][1]

    def mapping(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """Keys to (key node, value node); a repeated key is an error, not a silent overwrite."""
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in out:
                raise self.fail(
                    key_node, "duplicate-key", f"key '{key}' appears twice in one entry", "keep one of them"
                )
            out[key] = (key_node, value_node)
        return out

    def topic(self, node: yaml.Node) -> Topic:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(
                node,
                "bad-topic",
                "a topic must be a mapping of keys",
                "write it as '- name: ...' with 'kind:' and 'description:'",
            )
        fields = self.mapping(node)
        for key, (key_node, _value) in fields.items():
            if key not in _KEYS:
                close = difflib.get_close_matches(key, _KEYS, n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(_KEYS)}"
                raise self.fail(key_node, "unknown-key", f"unknown key '{key}' in a topic", hint)
        for key in _REQUIRED:
            if key not in fields:
                raise self.fail(node, "missing-key", f"topic has no '{key}'", f"add '{key}:' to this topic")
        name = self.text(fields["name"][1], "name")
        kind_text = self.text(fields["kind"][1], "kind")
        if kind_text not in _CURATED_KINDS:
            raise self.fail(
                fields["kind"][1],
                "bad-kind",
                f"unknown kind '{kind_text}'",
                f"use one of: {', '.join(_CURATED_KINDS)}",
            )
        slug = self.text(fields["slug"][1], "slug") if "slug" in fields else slugify(name)
        if not _SLUG.match(slug):
            where = fields["slug"][1] if "slug" in fields else fields["name"][1]
            raise self.fail(
                where,
                "bad-slug",
                f"slug '{slug}' is not lower-case letters, digits and hyphens",
                "set 'slug:' explicitly, e.g. 'slug: open-door'",
            )
        case_sensitive = False
        if "case_sensitive" in fields:
            value = self.scalar(fields["case_sensitive"][1])
            if not isinstance(value, bool):
                raise self.fail(
                    fields["case_sensitive"][1],
                    "bad-value",
                    "'case_sensitive' must be true or false",
                    "write 'case_sensitive: true'",
                )
            case_sensitive = value
        topic = Topic(
            slug=slug,
            name=name,
            kind=TopicKind(kind_text),
            description=self.text(fields["description"][1], "description"),
            aliases=self.phrases(fields, "aliases"),
            patterns=self.phrases(fields, "patterns"),
            exclude=self.phrases(fields, "exclude"),
            case_sensitive=case_sensitive,
            parent=self.text(fields["parent"][1], "parent") if "parent" in fields else None,
            line=node.start_mark.line + 1,
        )
        try:
            phrase_literals(topic)
        except PhraseError as error:
            raise self.fail(
                fields["patterns"][1] if "patterns" in fields else node,
                "bad-pattern",
                str(error),
                "see the pattern syntax at the top of the file",
            ) from error
        return topic

    def scalar(self, node: yaml.Node) -> Any:
        return yaml.SafeLoader("").construct_object(node) if isinstance(node, yaml.ScalarNode) else None

    def text(self, node: yaml.Node, key: str) -> str:
        value = self.scalar(node)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(
                node, "bad-value", f"'{key}' must be non-empty text", f"write '{key}: ...' with a value"
            )
        return value.strip()

    def phrases(self, fields: dict[str, tuple[yaml.Node, yaml.Node]], key: str) -> tuple[str, ...]:
        if key not in fields:
            return ()
        node = fields[key][1]
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, "bad-value", f"'{key}' must be a list", f"write '{key}: [first, second]'")
        out: list[str] = []
        for item in node.value:
            value = self.scalar(item)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                value = str(item.value)
            if not isinstance(value, str) or len(value.strip()) < 2:
                raise self.fail(
                    item,
                    "bad-phrase",
                    f"{key} entry {item.value!r} is empty or shorter than two characters",
                    "give a word or phrase, quoted if it has punctuation",
                )
            out.append(value.strip())
        return tuple(out)

    def cross_check(self, topics: tuple[Topic, ...]) -> None:
        """Rules across topics: unique slugs, known parents, no cycles, no shared phrase."""
        by_slug: dict[str, Topic] = {}
        for topic in topics:
            if topic.slug in by_slug:
                raise self.located(
                    topic,
                    "duplicate-slug",
                    f"slug '{topic.slug}' is used by two topics (also line {by_slug[topic.slug].line})",
                    "give one of them another 'slug:'",
                )
            by_slug[topic.slug] = topic
        for topic in topics:
            if topic.parent is not None and topic.parent not in by_slug:
                close = difflib.get_close_matches(topic.parent, list(by_slug), n=1)
                hint = f"did you mean '{close[0]}'?" if close else "use the slug of another topic"
                raise self.located(
                    topic,
                    "unknown-parent",
                    f"parent '{topic.parent}' of '{topic.name}' is not a topic slug",
                    hint,
                )
        for topic in topics:
            seen = {topic.slug}
            parent = topic.parent
            while parent is not None:
                if parent in seen:
                    raise self.located(
                        topic,
                        "parent-cycle",
                        f"parents of '{topic.name}' go round in a circle",
                        "remove one 'parent:' in the loop",
                    )
                seen.add(parent)
                parent = by_slug[parent].parent
        owner: dict[tuple[bool, str], Topic] = {}
        for topic in topics:
            for literal, slug in phrase_literals(topic):
                if not slug:
                    continue
                key = (literal.case_sensitive, literal.text)
                other = owner.setdefault(key, topic)
                if other.slug != topic.slug:
                    raise self.located(
                        topic,
                        "shared-phrase",
                        f"phrase '{literal.text}' belongs to both '{other.name}' (line {other.line}) "
                        f"and '{topic.name}'",
                        "keep the phrase in one topic only",
                    )

    def located(self, topic: Topic, code: str, message: str, hint: str) -> ContentError:
        return ContentError(Problem(self.source, topic.line, code, message, hint))
