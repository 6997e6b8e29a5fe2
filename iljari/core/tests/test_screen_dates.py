"""One date style on every screen: templates show dates through the `when` filter (2018.7.11., 2018.7.11. 10:37 in
Seoul, 2018년 7월); Django's `date` filter only writes the ISO value of a form field or a link (`value="…"`,
`href="…?as_of=…"`), and the report style (`kdate`, '18.7.11.) belongs to documents, not to templates."""

import re
from pathlib import Path

import iljari

TEMPLATES = sorted(Path(iljari.__file__).parent.glob("*/templates/**/*.html"))
DATE_FILTER = re.compile(r"\{\{[^}]*\|date(?::[^}]*)?\}\}")
REPORT_STYLE = re.compile(r"\|k(?:date|month)\b")
IN_ATTRIBUTE = re.compile(r'[\w-]+="[^"<>]*$')  # the text before it opens an attribute's value


def _shown_dates(text: str) -> list[str]:
    """The `date` filters whose output is text on the page, not inside an attribute's value."""
    return [m.group(0) for m in DATE_FILTER.finditer(text) if not IN_ATTRIBUTE.search(text[: m.start()][-300:])]


def test_the_check_tells_a_shown_date_from_a_form_value():
    assert _shown_dates('<td>{{ e.at|date:"Y-m-d H:i" }}</td>') == ['{{ e.at|date:"Y-m-d H:i" }}']
    assert _shown_dates("<input value=\"{{ as_of|date:'Y-m-d' }}\"><a href=\"?m={{ m|date:'Y-m' }}\">") == []


def test_no_template_shows_a_date_in_another_style():
    found = {}
    for path in TEMPLATES:
        text = path.read_text(encoding="utf-8")
        problems = _shown_dates(text) + REPORT_STYLE.findall(text)
        if problems:
            found[str(path.relative_to(Path(iljari.__file__).parent))] = problems
    assert not found, f"use {{{{ value|when }}}} (core/templatetags/kformat.py): {found}"
