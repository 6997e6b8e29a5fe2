"""Frontline fixtures: the service points, rooms, programmes and shelter of factories.make_frontline."""

from __future__ import annotations

import pytest

from iljari.frontline.tests.factories import make_frontline


@pytest.fixture
def frontline(personas):
    return make_frontline()
