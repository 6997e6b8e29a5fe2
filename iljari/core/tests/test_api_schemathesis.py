"""schemathesis against the API's own OpenAPI schema (/api/openapi.json), through the WSGI application.

Every operation is called with generated data — as the office manager (who may read and change most of it) and as a
citizen (who may read almost nothing) — and every answer must be no server error (5xx) and conform to the schema
the operation documents. The run is bounded and repeatable: a few examples per operation, derandomized (the same
examples every run), no example database. Unsafe methods run against the test database (rolled back after).
"""

from __future__ import annotations

from collections import Counter

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from iljari.core import services as core_services
from iljari.core.roles import Role

MAX_EXAMPLES = 15
CHECKS = [not_a_server_error, response_schema_conformance]


@pytest.fixture
def api_schema(client_as, dataset_2018):  # the report's programmes, calls, indicators and budget lines: real objects
    from iljari.wsgi import application

    # the schema is an office page (signed in); schemathesis then calls the WSGI application itself
    document = client_as(Role.OFFICE_MANAGER).get("/api/openapi.json").json()
    schema = schemathesis.openapi.from_dict(document)
    schema.app = application
    # The WSGI handler closes the database connection when a request ends; the test's transaction must outlive
    # each request, so (as Django's own test client does) the connection is kept open meanwhile.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schema
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _failures_of(operation, headers: dict, answered: Counter) -> list[str]:
    failures: list[str] = []

    @settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def run(case):
        case.cookies = {}  # a token client sends no session cookie (with one, a write without CSRF token is refused)
        try:
            response = case.call_and_validate(headers=headers, checks=CHECKS)
            answered[response.status_code // 100] += 1
        except (Exception, BaseExceptionGroup) as exc:  # every operation's failures are collected, reported together
            failures.append(f"{operation.label}: {str(exc)[:1500]}")

    run()
    return failures[:1]  # the first failure of each operation


@pytest.mark.parametrize("role", [Role.OFFICE_MANAGER, Role.CITIZEN])
def test_every_operation_answers_without_a_server_error_and_as_documented(api_schema, personas, role):
    failures = []
    operations = 0
    answered = Counter()  # answers by class (2: 2xx, 4: 4xx) of the examples that passed the checks
    for result in api_schema.get_all_operations():
        operation = result.ok()
        operations += 1
        # a fresh token for each operation: revoking a token (an operation too) must not end the run
        _, raw = core_services.api_token_issue(user=personas[role], name="schemathesis")
        failures += _failures_of(operation, {"Authorization": f"Bearer {raw}"}, answered)
    assert operations > 40
    assert answered[2] > 0 and answered[4] > 0  # signed in (some answers succeed) and refused where it must
    assert failures == [], "\n\n".join(failures)
