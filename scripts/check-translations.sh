#!/usr/bin/env bash
# Checks the Dutch catalogue (src/onderdak/locale/nl): it is current, complete and compiled.
#  1. re-runs makemessages into the committed django.po (same options as `make messages`);
#  2. fails if that added or removed any message (the committed catalogue was out of date);
#  3. fails if any entry is untranslated or fuzzy, printing the msgids;
#  4. fails if django.mo is missing or differs from a fresh compile of django.po.
# If makemessages changed nothing but the dates in the header, the committed file is put back, so
# a passing run leaves the working tree clean. Needs GNU gettext: installed with apt-get when run
# as root (as in CI), otherwise the script stops with a message.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
venv=${VENV:-.venv}
case "$venv" in /*) ;; *) venv="$root/$venv" ;; esac
po=src/onderdak/locale/nl/LC_MESSAGES/django.po
mo=${po%.po}.mo

missing_tools() {
  local tool
  for tool in xgettext msgmerge msguniq msgfmt; do
    command -v "$tool" >/dev/null 2>&1 || return 0
  done
  return 1
}
if missing_tools; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "check-translations: installing GNU gettext (apt-get install gettext)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null
  else
    echo "check-translations: GNU gettext tools (xgettext, msgmerge, msgfmt) are missing." >&2
    echo "Install them (Debian/Ubuntu: apt-get install gettext; macOS: brew install gettext)." >&2
    exit 2
  fi
fi
[ -x "$venv/bin/onderdak" ] || { echo "check-translations: no $venv/bin/onderdak; run make install" >&2; exit 2; }
[ -f "$po" ] || { echo "check-translations: $po is missing; run make messages" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$po" "$work/committed.po"

# Keep these options in step with the `messages` target in the Makefile.
(cd src/onderdak && ONDERDAK_DEBUG=true "$venv/bin/onderdak" makemessages \
  -l nl --no-obsolete --no-location --ignore static) >/dev/null
msgfmt --check-format -o "$work/fresh.mo" "$po"

"$venv/bin/python" - "$work/committed.po" "$po" "$mo" "$work/fresh.mo" <<'PY'
import ast
import gettext
import os
import shutil
import sys

committed_po, po, mo, fresh_mo = sys.argv[1:]


def entries(path):
    """{(msgctxt, msgid, msgid_plural): (msgstrs, flags)} of a .po file, header and obsolete
    entries left out: enough of the PO format for what makemessages writes."""
    found, entry, key = {}, None, None

    def close():
        if entry and entry.get("msgid"):
            k = (entry.get("msgctxt"), entry["msgid"], entry.get("msgid_plural"))
            strs = tuple(v for f, v in sorted(entry.items()) if f.startswith("msgstr"))
            found[k] = (strs, frozenset(entry.get("flags", ())))

    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if not line or line.startswith("#~"):
                continue
            if line.startswith("#"):
                if entry is not None and "msgid" in entry:
                    close()
                    entry = None
                if line.startswith("#,"):
                    entry = entry or {}
                    entry.setdefault("flags", set()).update(
                        x.strip() for x in line[2:].split(",")
                    )
                continue
            if line.startswith('"'):
                entry[key] += ast.literal_eval(line)
                continue
            key, _, value = line.partition(" ")
            if key in ("msgctxt", "msgid") and entry is not None and "msgid" in entry:
                close()
                entry = None
            entry = entry if entry is not None else {}
            entry[key] = ast.literal_eval(value)
    close()
    return found


def show(keys):
    return "\n".join(f"  {k[1]!r}" + (f" (context {k[0]!r})" if k[0] else "") for k in keys)


before, after = entries(committed_po), entries(po)
failed = False
if before == after:
    shutil.copyfile(committed_po, po)  # only dates changed: leave the committed file as it was
else:
    added = [k for k in after if k not in before]
    removed = [k for k in before if k not in after]
    failed = True
    print(f"The committed {po} was out of date; makemessages has updated it.")
    if added:
        print(f"New messages ({len(added)}):\n{show(added)}")
    if removed:
        print(f"Messages no longer used ({len(removed)}):\n{show(removed)}")
    if not (added or removed):
        print("Its entries changed (flags or translations); review the file.")

untranslated = [k for k, (strs, _) in after.items() if not all(strs)]
fuzzy = [k for k, (_, flags) in after.items() if "fuzzy" in flags]
if untranslated:
    failed = True
    print(f"Untranslated in {po} ({len(untranslated)}):\n{show(untranslated)}")
if fuzzy:
    failed = True
    print(f"Fuzzy in {po} ({len(fuzzy)}); check the translation and remove the flag:\n{show(fuzzy)}")


def catalogue(path):
    with open(path, "rb") as f:
        return gettext.GNUTranslations(f)._catalog


if not os.path.exists(mo):
    failed = True
    print(f"{mo} is missing; run make messages and commit it.")
elif catalogue(mo) != catalogue(fresh_mo):
    failed = True
    print(f"{mo} differs from a fresh compile of {po}; run make messages and commit it.")

if failed:
    print("\nFix: make messages, translate the entries above in the nl django.po, make messages")
    print("again (it compiles django.mo), and commit both files.")
    sys.exit(1)
print(f"{po}: {len(after)} messages, all translated and compiled.")
PY
