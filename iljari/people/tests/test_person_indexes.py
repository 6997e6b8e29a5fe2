"""people_person indexes each column its queries need once: every index is written on every insert of the 500,000
persons a city holds."""

from django.db import connection


def test_the_district_is_indexed_once(db):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "people_person")
    on_district = [name for name, c in constraints.items() if c["index"] and c["columns"] == ["district_id"]]
    assert len(on_district) == 1, on_district
