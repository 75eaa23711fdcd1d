"""The Dutch catalogue is complete, compiled, keeps its placeholders, and Dutch is the default."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

CATALOGUE = Path(settings.LOCALE_PATHS[0]) / "nl" / "LC_MESSAGES"
LOGIN = "/account/inloggen/"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")


def po_entries(path: Path) -> list[dict]:
    """The entries of a .po file as makemessages writes it (header and obsolete entries left out):
    each a dict with msgid, optionally msgid_plural, msgstr or msgstr[n], and its flags."""
    entries: list[dict] = []
    entry: dict = {"flags": set()}
    key = None
    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = raw.strip()
        if not line:
            if "msgid" in entry:
                entries.append(entry)
            entry, key = {"flags": set()}, None
        elif line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[key] += ast.literal_eval(line)
        else:
            key, _, value = line.partition(" ")
            entry[key] = ast.literal_eval(value)
    return [e for e in entries if e["msgid"]]


@pytest.fixture(scope="module")
def entries() -> list[dict]:
    return po_entries(CATALOGUE / "django.po")


@pytest.fixture(scope="module")
def dutch() -> gettext.GNUTranslations:
    with open(CATALOGUE / "django.mo", "rb") as mo:
        return gettext.GNUTranslations(mo)


def translations(entry: dict) -> list[str]:
    return [v for k, v in sorted(entry.items()) if k.startswith("msgstr")]


def test_the_catalogue_has_messages_from_every_app(entries):
    msgids = {e["msgid"] for e in entries}
    # core, accounts, audit, region: one string from each app's code or templates
    assert {"Skip to content", "Log in", "Search the audit trail", "Legend"} <= msgids
    assert len(entries) > 100


def test_every_entry_is_translated_and_none_is_fuzzy(entries):
    untranslated = [e["msgid"] for e in entries if not all(translations(e))]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert untranslated == []
    assert fuzzy == []


def test_plural_entries_have_both_forms(entries):
    plurals = [e for e in entries if "msgid_plural" in e]
    assert plurals
    for entry in plurals:
        assert entry.keys() >= {"msgstr[0]", "msgstr[1]"}, entry["msgid"]


def test_translations_keep_their_placeholders(entries):
    for entry in entries:
        expected = sorted(PLACEHOLDER.findall(entry["msgid"]))
        for text in translations(entry):
            assert sorted(PLACEHOLDER.findall(text)) == expected, entry["msgid"]


def test_the_compiled_catalogue_matches_the_po_file(entries, dutch):
    """django.mo is committed (installations need no gettext tools) and must not be stale."""
    for entry in entries:
        context = entry.get("msgctxt")
        if "msgid_plural" in entry:
            for n, key in ((1, "msgstr[0]"), (2, "msgstr[1]")):
                words = (entry["msgid"], entry["msgid_plural"], n)
                found = dutch.npgettext(context, *words) if context else dutch.ngettext(*words)
                assert found == entry[key], entry["msgid"]
        else:
            found = (
                dutch.pgettext(context, entry["msgid"])
                if context
                else dutch.gettext(entry["msgid"])
            )
            assert found == entry["msgstr"], entry["msgid"]


@pytest.mark.parametrize(
    ("english", "dutch_text"),
    [
        ("Log in", "Inloggen"),
        ("Log out", "Uitloggen"),
        ("Skip to content", "Naar de inhoud"),
        ("Audit trail", "Audittrail"),
        ("The input is not valid.", "De invoer is ongeldig."),
        ("You do not have permission to do this.", "Geen toestemming om dit te doen."),
        ("care provider", "zorgaanbieder"),
        ("housing corporation", "woningcorporatie"),
        ("reference date", "peildatum"),
    ],
)
def test_key_strings_are_dutch(dutch, english, dutch_text):
    assert dutch.gettext(english) == dutch_text


def test_dutch_plurals(dutch):
    assert dutch.ngettext("%(n)s user", "%(n)s users", 1) == "%(n)s gebruiker"
    assert dutch.ngettext("%(n)s user", "%(n)s users", 2) == "%(n)s gebruikers"


def test_the_login_page_is_dutch_by_default(client, db):
    page = client.get(LOGIN).content.decode()
    assert "Inloggen" in page
    assert "Naar de inhoud" in page
    assert "Log in" not in page


def test_the_login_page_is_english_after_choosing_english(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": LOGIN})
    assert response.status_code == 302
    page = client.get(LOGIN).content.decode()
    assert "Log in" in page
    assert "Skip to content" in page
    assert "Inloggen" not in page
