"""Fixtures for participation: the 2018 office (programmes), the tables pay reads, terms, two worksites, a
training institute's courses (built by factories.py)."""

from __future__ import annotations

import pytest

from iljari.participation.tests.factories import make_site, make_training


@pytest.fixture
def office(personas, dataset_2018):
    return personas


@pytest.fixture
def site(office):
    return make_site()


@pytest.fixture
def training(office):
    return make_training()
