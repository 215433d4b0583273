"""An unknown metadata field's value, kept as JSON-safe, immutable data.

A field Pressroom does not know keeps its value in ``Metadata.extra`` (and
so under ``extra`` in the transcript's JSON): dates as ISO text, lists and
mappings as they are. A value that JSON cannot hold, or that would cost
too much to build, is not kept (:class:`Unkeepable` says why).
"""

from __future__ import annotations

import datetime as dt
import math

import yaml

from generator.model import ExtraMap, ExtraValue


# Nodes an unknown field's value may hold, aliases counted each time they are
# used: YAML aliases can make a few lines stand for billions of values.
_EXTRA_NODES = 10_000
# Lists and mappings one inside another an unknown field's value may hold: deeper
# would exhaust Python's stack (YAML itself accepts a thousand).
_EXTRA_DEPTH = 100


class Unkeepable(ValueError):
    """An unknown field's value that cannot be kept as JSON."""


def extra_value(node: yaml.Node) -> ExtraValue:
    """An unknown field's value as JSON-safe, immutable data; raises Unkeepable."""
    budget = [_EXTRA_NODES]

    def value(node: yaml.Node, path: frozenset[int]) -> ExtraValue:
        budget[0] -= 1
        if budget[0] < 0:
            raise Unkeepable(f"more than {_EXTRA_NODES:,} values")
        if id(node) in path:  # an alias inside what it names: &a [*a]
            raise Unkeepable("it holds itself")
        if len(path) >= _EXTRA_DEPTH:
            raise Unkeepable(f"lists or mappings nested more than {_EXTRA_DEPTH} deep")
        if isinstance(node, yaml.SequenceNode):
            inner = path | {id(node)}
            return tuple(value(item, inner) for item in node.value)
        if isinstance(node, yaml.MappingNode):
            inner = path | {id(node)}
            pairs: dict[str, ExtraValue] = {}
            for key, item in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    raise Unkeepable("a key that is a list or mapping")
                pairs.setdefault(str(key.value), value(item, inner))  # the first of a key given twice
            return ExtraMap(tuple(pairs.items()))
        return _scalar(node)

    return value(node, frozenset())


def _scalar(node: yaml.Node) -> ExtraValue:
    """A YAML scalar as JSON's: dates as ISO text; the text written for what JSON cannot hold."""
    try:
        scalar = yaml.constructor.SafeConstructor().construct_object(node)
    except (ValueError, yaml.YAMLError):  # "2011-02-30", an unknown tag: keep what was written
        return str(node.value)
    if scalar is None or isinstance(scalar, (str, bool, int)):
        return scalar
    if isinstance(scalar, float):
        return scalar if math.isfinite(scalar) else str(node.value)  # .inf, .nan: not JSON numbers
    if isinstance(scalar, (dt.date, dt.datetime)):
        return scalar.isoformat()
    return str(node.value)  # !!binary and the like: the text written
