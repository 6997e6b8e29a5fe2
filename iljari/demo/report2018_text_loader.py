"""Load part Ⅲ's programme text of the 2018 report (demo/dataset/report2018_text.py) as each programme's blocks,
through plan.services.programme_block_save, after the 2018 plan (report2018_loader). A programme that already
has blocks keeps them (the office may have changed them on its page)."""

from __future__ import annotations

import re

from iljari.demo.dataset.report2018_text import TEXT
from iljari.plan import services as plan
from iljari.plan.forms import parse_rows
from iljari.plan.models import Programme

YEAR = 2018
MARKERS = ("□", "○", "-", "▶", "※", "・")
_PARAGRAPH = re.compile(r"^(?P<indent> *)(?P<marker>[□○\-▶※・=*])\s+(?P<text>.+)$")
_TABLE_LINE = re.compile(r"^(단위|머리|행|참고):\s?(.*)$")


class TextError(ValueError):
    """A line of the dataset's notation that cannot be read (a mistake in the transcription)."""


def _table(title: str, lines: list[str]) -> dict:
    head, body, notes, unit_line = [], [], [], ""
    for line in lines:
        match = _TABLE_LINE.match(line.strip())
        if match is None:
            raise TextError(f"표 {title}: {line!r}")
        word, value = match.groups()
        if word == "단위":
            unit_line = value.strip()
        elif word == "머리":
            head.append(value)
        elif word == "행":
            body.append(value)
        else:
            notes.append(value.strip())
    return {
        "kind": "table",
        "marker": "",
        "title": title,
        "unit_line": unit_line,
        "head": parse_rows("\n".join(head)),
        "body": parse_rows("\n".join(body)),
        "notes": notes,
    }


def _flow(line: str) -> dict:
    title, _, steps = line.partition("::")
    return {"kind": "flow", "marker": "", "title": title.strip(), "steps": [s.strip() for s in steps.split("→")]}


def parse_text(text: str) -> list[dict]:
    """The notation of demo/dataset/report2018_text.py as keyword arguments of programme_block_save, in order."""
    blocks: list[dict] = []
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("[표]"):
            end = lines.index("[/표]", index)
            blocks.append(_table(line.removeprefix("[표]").strip(), lines[index + 1 : end]))
            index = end + 1
            continue
        if line.startswith("[흐름]"):
            blocks.append(_flow(line.removeprefix("[흐름]")))
            index += 1
            continue
        match = _PARAGRAPH.match(line)
        if match is None or len(match["indent"]) % 2:
            raise TextError(line)
        marker = match["marker"]
        text_of = match["text"].strip()
        if marker == "*":  # a "*" note is printed with its asterisk and no marker
            marker, text_of = "", f"* {text_of}"
        blocks.append(
            {
                "kind": "paragraph",
                "marker": "" if marker == "=" else marker,
                "level": len(match["indent"]) // 2,
                "text": text_of,
            }
        )
        index += 1
    return blocks


def load_report2018_text() -> None:
    programmes = {p.code: p for p in Programme.objects.filter(objective__vision__year=YEAR, code__in=list(TEXT))}
    for code, text in TEXT.items():
        programme = programmes[code]
        if programme.blocks.exists():
            continue
        for block in parse_text(text):
            plan.programme_block_save(actor=None, programme=programme, **block)
