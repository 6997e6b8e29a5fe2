"""Shared fixtures: the demo organisation, one persona per role, and clients logged in as them."""

from __future__ import annotations

import os

import pytest
from django.test import Client

from iljari.core.models import User
from iljari.testing import CHROMIUM, PERSONAS
from iljari.testing_datasets import dataset_put, datasets_capture
from iljari.testing_migrations import migrated_database_cache_install


def pytest_sessionstart(session):
    migrated_database_cache_install()


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def sms_outbox(settings):
    """Text messages go to an in-memory outbox in every test, as pytest-django does for e-mail (`mailoutbox`)."""
    from iljari.core.sms import MemorySmsSender  # deferred: conftest is imported before Django is set up

    settings.ILJARI_SMS_SENDER = "iljari.core.sms.MemorySmsSender"
    MemorySmsSender.outbox.clear()
    return MemorySmsSender.outbox


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    """Background tasks run in the test itself (django-tasks' immediate backend) once the transaction commits
    (`django_capture_on_commit_callbacks(execute=True)`); test_jobs.py also runs the real database queue."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.TASKS_QUEUE = "immediate"


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded files go to a temporary directory, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(scope="session")
def _datasets(django_db_setup, django_db_blocker):
    """The demo datasets, loaded once per session and kept (iljari/testing_datasets.py)."""
    with django_db_blocker.unblock():
        datasets_capture()


@pytest.fixture
def org(db, _datasets):
    """The demo organisation: the city, the office, its divisions and teams, the 25 districts, the partners."""
    dataset_put("org")


@pytest.fixture
def dataset_2018(org):
    """The 2018 report on the organisation: plan, staffing, budget, indicators, job targets, printed figures and
    validation rules, as `load_report2018` writes them."""
    dataset_put("report2018")


@pytest.fixture
def personas(org):
    """One account per role (iljari/testing.py PERSONAS), as `make_persona` creates them."""
    dataset_put("personas")
    users = {user.username: user for user in User.objects.filter(username__in=[p.username for p in PERSONAS.values()])}
    return {role: users[persona.username] for role, persona in PERSONAS.items()}


@pytest.fixture
def client_as(personas):
    """client_as(role) -> a Client signed in as that role's persona with `force_login` (a session, no login page;
    the login page itself is tested in core/tests/test_login_security.py and the browser tests)."""

    def make(role: str) -> Client:
        client = Client()
        client.force_login(personas[role])
        return client

    return make


# --- the browser (Debian's Chromium through Playwright), one per test session ------------------------------


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's event loop runs beside the test's ORM calls; allowed for the browser tests only.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="ko-KR")
    page = context.new_page()
    outside = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(live_server.url) and not request.url.startswith("data:")
            else None
        ),
    )
    yield page
    context.close()
    assert outside == [], f"requests left the server: {outside}"
