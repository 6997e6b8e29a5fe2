"""Every table wrapper of every template is a named region the keyboard reaches (a wide table scrolls sideways in it
on a phone: axe's scrollable-region-focusable). The axe walk (test_accessibility.py) sees the pages of the matrix;
this sees every template, object pages and partials included."""

import re
from pathlib import Path

import iljari

WRAPPER = re.compile(r'<div class="krds-table-wrap"([^>]*)>')


def test_every_table_wrapper_is_a_named_focusable_region():
    root = Path(iljari.__file__).parent
    bare = []
    for template in sorted(root.rglob("templates/**/*.html")):
        for match in WRAPPER.finditer(template.read_text(encoding="utf-8")):
            attributes = match.group(1)
            named = re.search(r'aria-label="[^"]+"', attributes)
            if 'tabindex="0"' not in attributes or 'role="region"' not in attributes or not named:
                bare.append(f"{template.relative_to(root)}: {match.group(0)}")
    assert bare == [], "\n".join(bare)
