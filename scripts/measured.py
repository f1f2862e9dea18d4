#!/usr/bin/env python3
"""Copies each recorded measurement into the docs that include it (issue 23).

A doc includes a recording with a marker line followed by a fenced block:

    <!-- measured: lab-pagination.txt -->
    ```
    ...the file's text, exactly...
    ```

The recordings live in docs/measured/ and are written by scripts that run something and keep
its output (scripts/record-labs.sh). This script rewrites each marked block from its file (and
adds the block where a marker has none); RecordedMeasurementsTests fails the build when a block
and its file differ, so a figure in a doc is always a run's output, never typed by hand.
Usage: scripts/measured.py
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
MEASURED = ROOT / "docs" / "measured"
# The marker, then (optionally) the fenced block it owns.
INCLUDE = re.compile(r"^(<!-- measured: (\S+) -->\n)(```[^\n]*\n.*?^```\n)?", re.M | re.S)


def sync(doc: pathlib.Path) -> bool:
    text = doc.read_text(encoding="utf-8")

    def block(match: re.Match) -> str:
        recording = MEASURED / match.group(2)
        if not recording.is_file():
            sys.exit(f"{doc.relative_to(ROOT)} includes {match.group(2)}, which docs/measured lacks")
        return match.group(1) + "```\n" + recording.read_text(encoding="utf-8") + "```\n"

    synced = INCLUDE.sub(block, text)
    if synced != text:
        doc.write_text(synced, encoding="utf-8")
    return synced != text


def main() -> None:
    docs = sorted((ROOT / "docs").rglob("*.md")) + [ROOT / "README.md"]
    for doc in docs:
        if sync(doc):
            print(f"measured: updated {doc.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
