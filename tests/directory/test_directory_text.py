"""Casing of labels printed in capitals, slugs and match keys."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.directory import proper_case_name, proper_case_title, slugify
from generator.directory.text import match_key, title_key


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("ANDERS FOGH RASMUSSEN", "Anders Fogh Rasmussen"),
        ("JAAP DE HOOP SCHEFFER", "Jaap de Hoop Scheffer"),
        ("MCDONALD", "McDonald"),
        ("O'BRIEN", "O'Brien"),
        ("MINUTO-RIZZO", "Minuto-Rizzo"),
        ("ALESSANDRO MINUTO-RIZZO", "Alessandro Minuto-Rizzo"),
        ("JENS STOLTENBERG", "Jens Stoltenberg"),
        ("MIRCEA GEOANĂ", "Mircea Geoană"),
        ("STOLTENBERG", "Stoltenberg"),
        # The order and punctuation of the label are kept.
        ("STOLTENBERG, JENS", "Stoltenberg, Jens"),
        ("JENS  STOLTENBERG", "Jens  Stoltenberg"),
    ],
)
def test_proper_case_name_fixes_capitals(printed: str, expected: str) -> None:
    assert proper_case_name(printed) == expected


# Only text wholly in capitals is re-cased: lower-case letters mean someone
# chose the case ("Jens STOLTENBERG" is NATO's own style, "danah boyd" hers).
@pytest.mark.parametrize("written", ["Jens STOLTENBERG", "Jaap de Hoop Scheffer", "danah boyd", "McDonald", "", "42"])
def test_proper_case_name_leaves_text_not_in_capitals(written: str) -> None:
    assert proper_case_name(written) == written


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("SECRETARY GENERAL OF NATO", "Secretary General of NATO"),
        ("NATO SECRETARY GENERAL", "NATO Secretary General"),
        ("CHAIR OF THE NATO MILITARY COMMITTEE", "Chair of the NATO Military Committee"),
        ("THE SECRETARY GENERAL", "The Secretary General"),
        ("EKHO MOSKVY", "Ekho Moskvy"),
        ("RIA NOVOSTI", "RIA Novosti"),
        ("ROSSIYA 1", "Rossiya 1"),
        ("DEPUTY SECRETARY-GENERAL", "Deputy Secretary-General"),
        ("SECRÉTAIRE GÉNÉRAL DE L'OTAN", "Secrétaire Général de l'OTAN"),
        ("EU AND UN AND OSCE, US AND UK", "EU and UN and OSCE, US and UK"),
    ],
)
def test_proper_case_title_fixes_capitals(printed: str, expected: str) -> None:
    assert proper_case_title(printed) == expected


@pytest.mark.parametrize("written", ["Secretary General of NATO", "NATO Spokesperson", "EKHO Moskvy", ""])
def test_proper_case_title_leaves_mixed_case(written: str) -> None:
    assert proper_case_title(written) == written


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Frankfurter Allgemeine Zeitung", "frankfurter-allgemeine-zeitung"),
        ("Mircea Geoană", "mircea-geoana"),
        ("Manfred Wörner", "manfred-worner"),
        ("RFE/RL", "rfe-rl"),
        ("El País", "el-pais"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_match_key_ignores_case_spacing_accents_and_punctuation() -> None:
    assert match_key("  JENS   STOLTENBERG ") == match_key("Jens Stoltenberg") == "jens-stoltenberg"
    assert match_key("Geoană") == match_key("GEOANA") == "geoana"
    assert match_key("Secrétaire général de l’OTAN") == match_key("Secretaire general de l'OTAN")
    assert match_key("F.A.Z.") == match_key("FAZ") == "faz"
    assert match_key("Эхо Москвы") == "ekho-moskvy"


def test_title_key_drops_a_leading_the_only() -> None:
    assert title_key("The Wall Street Journal") == "wall-street-journal"
    assert title_key("the") == "the"
    assert title_key("Theatre Weekly") == "theatre-weekly"


@given(st.text(alphabet=st.characters(categories=["Lu", "Zs", "Pd"]), max_size=40))
def test_proper_case_name_changes_only_case(text: str) -> None:
    cased = proper_case_name(text)
    assert cased.casefold() == text.casefold() or cased.upper() == text.upper()
