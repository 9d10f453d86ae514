"""Refresh the German translation: extract strings, fill known ones, compile the .qm.

    python packaging/update_translations.py          # lupdate + fill from glossary + lrelease
    python packaging/update_translations.py --check  # only report unfinished entries (exit 1)

1. ``pyside6-lupdate`` collects every ``tr()``/``translate()``/``QT_TRANSLATE_NOOP`` string of
   ``kundenportfolio/ui/**/*.py`` and ``kundenportfolio/app.py`` into
   ``resources/translations/kundenportfolio_de.ts`` (existing translations are kept).
   Note: lupdate only sees a *literal* context in ``QT_TRANSLATE_NOOP("Context", "text")``.
2. Entries still unfinished are filled from ``resources/translations/glossary_de.json``
   (key ``"Context|English"`` for one context, or ``"English"`` for all; a list for plurals).
   Add new German texts there, or translate in Qt Linguist (``pyside6-linguist``).
3. ``pyside6-lrelease`` compiles ``kundenportfolio_de.qm``, which the app loads by default.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
TS = FOLDER / "kundenportfolio_de.ts"
QM = FOLDER / "kundenportfolio_de.qm"
GLOSSARY = FOLDER / "glossary_de.json"


def tool(name: str) -> str:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


def sources() -> list[str]:
    files = sorted((ROOT / "kundenportfolio" / "ui").rglob("*.py"))
    files.append(ROOT / "kundenportfolio" / "app.py")
    return [str(f.relative_to(ROOT)) for f in files]


def unfinished(ts: Path = TS) -> list[tuple[str, str]]:
    """(context, source) of every entry without a finished translation."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            texts = [translation.text] if translation is not None else []
            if translation is not None and message.get("numerus") == "yes":
                texts = [f.text for f in translation.iter("numerusform")]
            if (translation is None or translation.get("type") in ("unfinished", "vanished",
                                                                   "obsolete")
                    or not texts or not all(t and t.strip() for t in texts)):
                missing.append((name, message.findtext("source") or ""))
    return missing


def fill(ts: Path = TS, glossary_path: Path = GLOSSARY) -> int:
    """Fill unfinished entries from the glossary; returns how many were filled."""
    glossary = json.loads(glossary_path.read_text(encoding="utf-8"))
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            source = message.findtext("source") or ""
            german = glossary.get(f"{name}|{source}", glossary.get(source))
            if german is None:
                continue
            if message.get("numerus") == "yes":
                forms = german if isinstance(german, list) else [german, german]
                for child in list(translation):
                    translation.remove(child)
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = german if isinstance(german, str) else german[-1]
            del translation.attrib["type"]
            filled += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")
    return filled


def main(argv: list[str]) -> int:
    if "--check" not in argv:
        subprocess.run([tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-ts", str(TS)],
                       cwd=ROOT, check=True)
        print(f"{fill()} Einträge aus {GLOSSARY.name} übernommen.")
        subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], cwd=ROOT, check=True)
    missing = unfinished()
    for context, source in missing:
        print(f"unübersetzt: [{context}] {source!r}")
    print(f"{len(missing)} unübersetzte Einträge in {TS.name}.")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
