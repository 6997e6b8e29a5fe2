"""Shared fixtures: the demo organisation, one persona per role, and clients logged in as them."""

from __future__ import annotations

import pytest
from django.test import Client

from iljari.testing import PERSONAS, make_org, make_persona


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def org(db):
    make_org()


@pytest.fixture
def personas(org):
    return {role: make_persona(persona) for role, persona in PERSONAS.items()}


@pytest.fixture
def client_as(personas):
    """client_as(role) -> a Client logged in as that role's persona (through the real login page)."""

    def make(role: str) -> Client:
        client = Client()
        client.force_login(personas[role])
        return client

    return make
