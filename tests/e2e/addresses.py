"""A small archive a maintainer changes between two builds (tests/e2e/test_addresses.py and the browser's)."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.build import BuildReport, BuildSettings, build
from tests.support import REPO

STATEMENT = "JENS STOLTENBERG: Good morning. Allies met today to discuss air defence for the eastern flank."
REUTERS = ("Anna Berg, Reuters: Secretary General, how many new systems will Allies deliver this year?\n\n"
           "JENS STOLTENBERG: Several Allies announced deliveries, and more will follow before the summit.")
TASS = ("Pavel Orlov, TASS: Does NATO see this as a message to Moscow?\n\n"
        "JENS STOLTENBERG: It is a defensive step, and it threatens no one.")
TASS_REWORDED = TASS.replace("a message to Moscow", "a signal to Moscow")
AFP = ("Marie Dubois, AFP: Will France send a system of its own?\n\n"
       "JENS STOLTENBERG: That is for France to announce.")

AIR_DEFENCE = "2023-05-04-press-conference-air-defence"
EXERCISE = "2023-06-01-doorstep-statement-exercise"
EXERCISE_CORRECTED = "2023-06-01-doorstep-statement-exercise-steadfast-noon"
TRAINING = "2023-09-12-press-point-training-mission"


def _meta(title: str, date: str, event: str, address: str) -> str:
    return (f"title: {title}\ndate: {date}\nlocation: NATO Headquarters, Brussels\nevent_type: {event}\n"
            f"source_url: https://example.org/{address}\n")


def write_archive(content: Path, *, air_defence: list[str], exercise_title: str, training: bool) -> None:
    """The small archive's content folder, as a maintainer leaves it before a build."""
    folder = content / "transcripts"
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("people.yaml", "outlets.yaml"):
        shutil.copy(REPO / "content" / name, content / name)
    (folder / "air-defence.txt").write_text("\n\n".join([STATEMENT, *air_defence]) + "\n", encoding="utf-8")
    (folder / "air-defence.meta.yaml").write_text(
        _meta("Press conference on air defence", "2023-05-04", "press-conference", "air-defence"), encoding="utf-8")
    (folder / "exercise.txt").write_text(
        "JENS STOLTENBERG: The exercise starts today. It is routine and planned long in advance.\n\n" + REUTERS + "\n",
        encoding="utf-8")
    (folder / "exercise.meta.yaml").write_text(
        _meta(exercise_title, "2023-06-01", "doorstep", "exercise"), encoding="utf-8")
    training_files = [folder / "training.txt", folder / "training.meta.yaml"]
    if training:
        training_files[0].write_text(
            "JENS STOLTENBERG: The training mission will grow by two hundred instructors.\n\n" + AFP + "\n",
            encoding="utf-8")
        training_files[1].write_text(
            _meta("Press point on the training mission", "2023-09-12", "press-point", "training"), encoding="utf-8")
    else:
        for path in training_files:
            path.unlink(missing_ok=True)


def build_archive(root: Path) -> BuildReport:
    report = build(BuildSettings(content_dir=root / "content", site_dir=root / "site", docs_dir=root / "docs",
                                 config_file=REPO / "mkdocs.yml", cache_dir=root / "cache", strict=True))
    assert report.published, report.content
    return report


FIRST = dict(air_defence=[REUTERS, TASS], exercise_title="Doorstep statement on the exercise", training=True)
# A re-parse that renumbers (a question found before the others, one reworded), a corrected title, a removal.
SECOND = dict(air_defence=[AFP, REUTERS, TASS_REWORDED],
              exercise_title="Doorstep statement on the exercise Steadfast Noon", training=False)
