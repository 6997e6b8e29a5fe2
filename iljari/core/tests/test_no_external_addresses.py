"""No page, stylesheet or script loads anything from an external address: the office network may be closed."""

import re
from pathlib import Path

import pytest

from iljari.core.roles import Role

PACKAGE = Path(__file__).resolve().parents[2]
LOADS_REMOTE = re.compile(
    r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//|@import\s+["']?(?:https?:)?//"""
)


def _assets():
    for pattern in ("**/templates/**/*.html", "**/static/**/*.css", "**/static/**/*.js"):
        yield from PACKAGE.glob(pattern)


@pytest.mark.parametrize("path", sorted(_assets()), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_templates_and_static_files_load_nothing_from_outside(path):
    text = path.read_text(encoding="utf-8", errors="ignore")
    assert not LOADS_REMOTE.search(text), LOADS_REMOTE.search(text).group(0)


@pytest.mark.parametrize("path", ["/", "/org/", "/org/partners/", "/history/", "/accounts/users/", "/api/docs"])
def test_rendered_pages_load_nothing_from_outside(client_as, path):
    page = client_as(Role.SYSTEM_ADMIN).get(path).content.decode()
    assert not LOADS_REMOTE.search(page)


def test_vendored_krds_keeps_its_icons_local():
    css = (PACKAGE / "web/static/vendor/krds/css/krds.min.css").read_text(encoding="utf-8")
    assert "krds.go.kr" not in css
    for relative in set(re.findall(r"url\(\.\./img/([^)]+)\)", css)):
        assert (PACKAGE / "web/static/vendor/krds/img" / relative).exists(), relative
