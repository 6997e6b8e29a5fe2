"""The indexes of intake_application, which a selection rewrites 100,000 rows of at once: status is indexed, so
every changed row adds an entry to every index; the table keeps only those its queries need (migration 0006)."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from iljari.enterprises.tests.factories import make_organisation
from iljari.intake.models import Application
from iljari.intake.tests.factories import make_call
from iljari.people.tests.factories import make_person


def _indexed_columns(table: str) -> list[list[str]]:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return sorted(c["columns"] for c in constraints.values() if c["index"] or c["unique"] or c["primary_key"])


@pytest.mark.django_db
def test_call_quota_and_run_have_no_index_of_their_own_the_composites_lead_with_them():
    application = _indexed_columns("intake_application")
    assert ["call_id"] not in application
    assert ["quota_id"] not in application
    assert {"call_id": ["call_id", "status"], "quota_id": ["quota_id", "status"]}.items() <= {
        columns[0]: columns for columns in application if len(columns) == 2 and columns[1] == "status"
    }.items()
    assert ["call_id", "person_id"] in application
    results = _indexed_columns("intake_selectionresult")
    assert ["run_id"] not in results
    assert ["run_id", "application_id"] in results


@pytest.mark.django_db
def test_the_organisation_indexes_leave_out_the_peoples_applications():
    """Partial indexes: a person's application (organisation NULL) writes no entry in them."""
    if connection.vendor != "postgresql":
        pytest.skip("the index predicate is read from pg_indexes")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'intake_application'"
            " AND indexdef LIKE '%%organisation_id%%'"
        )
        definitions = dict(cursor.fetchall())
    assert set(definitions) == {"application_organisation", "application_once_per_organisation"}
    assert all("WHERE (organisation_id IS NOT NULL)" in text for text in definitions.values())


@pytest.mark.django_db
def test_an_organisation_still_applies_once_per_call_and_people_are_not_held_by_it(personas, dataset_2018):
    call = make_call("ONCE-ORG")
    quota = call.quotas.first()
    now = timezone.now()
    organisation = make_organisation("(주)한번만")
    Application.objects.create(call=call, organisation=organisation, quota=quota, submitted_at=now)
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.create(call=call, organisation=organisation, quota=quota, submitted_at=now)
    for _ in range(2):  # many people's applications (organisation NULL) in the same call
        Application.objects.create(call=call, person=make_person(), quota=quota, submitted_at=now)
    assert call.applications.count() == 3
