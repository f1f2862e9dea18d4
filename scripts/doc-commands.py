#!/usr/bin/env python3
"""Runs the API calls the docs show (README.md and docs/**/*.md) against a started service.

From each fenced block that calls localhost:8080 it takes the `curl` commands and the variable
assignments (`auth=...`, `url=...`); in a transcript (lines starting with `$ `) only those lines,
and its `./lab` steps too (a lab that fails fails the block; the labs listed elsewhere run in CI's
labs step). Blocks run in a scratch folder with `./token` and `./lab` linked into it.
A command with a placeholder such as <runId> cannot run as written and is listed as skipped.
Each curl reports its status on stderr; a status must be one the doc expects: a status named in
the command's trailing comment ("# 401: no token") or in the transcript's output right below it,
else any 2xx. Usage: scripts/doc-commands.py http://127.0.0.1:PORT   Exits 1 when a call fails.
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

BASE = sys.argv[1]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BLOCK = re.compile(r"```(?:bash|sh|shell|console)?\n(.*?)```", re.S)
PLACEHOLDER = re.compile(r"<[a-zA-Z][^<>]*>")
ASSIGNMENT = re.compile(r"^[a-z_]+=")
STATUS_IN_COMMENT = re.compile(r"#.*?\b([1-5]\d\d)\b")
STATUS_IN_OUTPUT = re.compile(r'"status":\s*(\d{3})|HTTP/[\d.]+ (\d{3})|^(\d{3})\b')
# curl prints each response's status on stderr (%{stderr}, curl 7.63+), whatever the command
# does with the body; ./token and uuidgen work as a reader's shell would have them.
PREAMBLE = r"""
curl() { command curl -w '%{stderr}@@status %{http_code}\n' "$@"; }
command -v uuidgen >/dev/null || uuidgen() { cat /proc/sys/kernel/random/uuid; }
auth="Authorization: Bearer $(./token admin)"
ADMIN_TOKEN="$(./token admin)"
"""


def commands(block):
    """(command, expected statuses) in order, and the skipped commands."""
    lines = block.split("\n")
    transcript = any(line.startswith("$ ") for line in lines)
    found, skipped, i = [], [], 0
    while i < len(lines):
        line = lines[i]
        if transcript and not line.startswith("$ "):
            i += 1
            continue
        command = line[2:] if transcript else line
        while command.endswith("\\") and i + 1 < len(lines):
            i += 1
            command = command[:-1] + " " + lines[i].strip()
        i += 1
        text = command.strip()
        runs_labs = transcript and text.startswith("./lab ")  # a step of the transcript
        if not (text.startswith("curl ") or runs_labs or ASSIGNMENT.match(text)):
            continue
        if PLACEHOLDER.search(text.split(" #")[0]):
            skipped.append(text)
            continue
        if "localhost:" in text and "localhost:8080" not in text:
            continue  # another server: Prometheus, Grafana
        expected = set(STATUS_IN_COMMENT.findall(text))
        if transcript:  # the output printed right below the command
            for output in lines[i:i + 3]:
                if output.startswith("$ "):
                    break
                for groups in STATUS_IN_OUTPUT.findall(output):
                    expected.update(g for g in groups if g)
        found.append((text, expected))
    return found, skipped


def run(doc, number, found):
    script = PREAMBLE
    for index, (text, _) in enumerate(found):
        # A lab's own exit status stands for it: 0 when every observation held.
        if text.startswith("./lab "):
            text = text.split(" #")[0] + " >/dev/null || echo '@@status lab-failed' >&2"
        script += text.replace("localhost:8080", BASE) + f"\necho '@@end {index}' >&2\n"
    with tempfile.TemporaryDirectory() as scratch:  # files a block writes (a cookie jar) go here
        for tool in ("token", "lab"):
            os.symlink(os.path.join(ROOT, tool), os.path.join(scratch, tool))
        result = subprocess.run(["bash", "-c", script], cwd=scratch, capture_output=True,
                                text=True, env={**os.environ, "FIELDGUIDE_URL": BASE},
                                timeout=120)
    statuses, failures, index = [], [], 0
    for line in result.stderr.splitlines():
        if line.startswith("@@status "):
            statuses.append(line.split()[1])
        elif line.startswith("@@end "):
            text, expected = found[index]
            for status in statuses:
                ok = status in expected if expected else status.startswith("2")
                if not ok:
                    failures.append(f"{doc} block {number}: {status} (expected "
                                    f"{' or '.join(sorted(expected)) or '2xx'}): {text}")
            statuses, index = [], index + 1
    return failures


def main():
    docs = ["README.md"] + sorted(glob.glob("docs/**/*.md", root_dir=ROOT, recursive=True))
    ran, skipped, failures = 0, [], []
    for doc in docs:
        with open(os.path.join(ROOT, doc)) as f:
            blocks = [b for b in BLOCK.findall(f.read()) if "localhost:8080" in b]
        for number, block in enumerate(blocks, 1):
            found, skips = commands(block)
            skipped += [f"{doc}: {s}" for s in skips]
            if any(text.startswith("curl") for text, _ in found):
                ran += sum(text.startswith("curl") for text, _ in found)
                failures += run(doc, number, found)
    print(f"doc commands: {ran} curl commands run, {len(skipped)} skipped (placeholders), "
          f"{len(failures)} failed")
    for s in skipped:
        print("  skipped: " + s)
    for failure in failures:
        print("  FAILED: " + failure)
    sys.exit(1 if failures else 0)


main()
