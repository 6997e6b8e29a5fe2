"""Fixtures for payroll: the 2018 office with participation's worksites (participation/tests/factories.py)."""

from __future__ import annotations

import pytest

from iljari.participation.tests.factories import make_site


@pytest.fixture
def site(personas, dataset_2018):
    return make_site()
