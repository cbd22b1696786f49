"""Every string a person reads is in Finnish, Swedish and English (issue 3).

The test extracts the strings from the source exactly as `scripts/messages`
does and fails when a catalogue lacks one, when a Finnish or Swedish
translation is missing, empty or fuzzy, when a translation loses or invents a
placeholder, or when a compiled .mo file does not match its .po.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

PACKAGE = Path(__file__).resolve().parents[2]
LOCALE = PACKAGE / "locale"
LANGUAGES = ("fi", "sv", "en")
TRANSLATED = ("fi", "sv")
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]")

Key = tuple[str | None, str]


def _catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def _current(language: str) -> list[polib.POEntry]:
    return [e for e in _catalogue(language) if not e.obsolete]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[Key]:
    """The msgids of the current source, extracted into a scratch copy so that
    the committed catalogues are never touched."""
    work = tmp_path_factory.mktemp("messages") / "kohtaamo"
    shutil.copytree(PACKAGE, work, ignore=shutil.ignore_patterns("__pycache__", "locale"))
    (work / "locale").mkdir()
    # Without settings, makemessages writes into ./locale instead of LOCALE_PATHS.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "django",
            "makemessages",
            "-l",
            "fi",
            "--no-location",
            "--ignore",
            "tests/*",
            "--ignore",
            "testing/*",
        ],
        cwd=work,
        env=env,
        check=True,
        capture_output=True,
    )
    po = polib.pofile(str(work / "locale" / "fi" / "LC_MESSAGES" / "django.po"))
    keys = {(e.msgctxt, e.msgid) for e in po}
    assert len(keys) > 100, "the extraction found almost nothing: is gettext installed?"
    return keys


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_every_string_of_the_source(language: str, extracted: set[Key]) -> None:
    have = {(e.msgctxt, e.msgid) for e in _current(language)}
    missing = sorted(msgid for _, msgid in extracted - have)
    assert missing == [], f"run scripts/messages and translate ({language}): {missing[:20]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_keeps_no_string_the_source_dropped(language: str, extracted: set[Key]) -> None:
    have = {(e.msgctxt, e.msgid) for e in _current(language)}
    assert sorted(msgid for _, msgid in have - extracted) == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_is_translated(language: str) -> None:
    entries = _current(language)
    untranslated = [e.msgid for e in entries if not e.translated()]
    fuzzy = [e.msgid for e in entries if "fuzzy" in e.flags]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_the_placeholders_of_the_source(language: str) -> None:
    wrong = []
    for entry in _current(language):
        source = set(PLACEHOLDER.findall(entry.msgid + entry.msgid_plural))
        texts = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        wrong += [(entry.msgid, t) for t in texts if set(PLACEHOLDER.findall(t)) != source]
    assert wrong == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_declares_its_language_and_two_plural_forms(language: str) -> None:
    po = _catalogue(language)
    assert po.metadata["Language"] == language
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_its_source(language: str) -> None:
    po = _catalogue(language)
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    compiled = {
        (e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items()))) for e in mo
    }
    expected = {
        (e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
        for e in po.translated_entries()
    }
    stale = sorted(str(key[1]) for key, value in expected.items() if compiled.get(key) != value)
    assert stale == [], f"run scripts/messages to recompile {language}"
    assert {k for k in compiled if k[1]} == set(expected)
