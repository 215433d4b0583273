"""Topic settings from configuration data."""

from __future__ import annotations

import pytest

from generator.errors import ContentError
from generator.topics import TopicSettings


def test_settings_from_mapping() -> None:
    settings = TopicSettings.from_mapping(
        {"publish_discovered": True, "similar_count": 3, "answer_weight": 2}
    )
    assert settings.publish_discovered is True
    assert settings.similar_count == 3
    assert settings.answer_weight == 2.0 and isinstance(settings.answer_weight, float)


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ({"publish_discoverd": True}, "unknown-setting"),
        ({"publish_discovered": "yes"}, "bad-setting"),
        ({"similar_count": 2.5}, "bad-setting"),
        ({"similar_count": -1}, "bad-setting"),
        ({"question_weight": True}, "bad-setting"),
    ],
)
def test_bad_settings_are_named(values: dict, code: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ContentError) as caught:
        TopicSettings.from_mapping(values, "mkdocs.yml extra.topics")
    assert caught.value.problem.code == code
    assert caught.value.problem.path == "mkdocs.yml extra.topics"
