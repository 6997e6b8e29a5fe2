"""What a restore must give back, read the same way on the original site and on the restored one (the restore
drill, test_backup_restore.py): every persona logs in through the login page; every person's resident number
decrypts and is found again through its blind index; every uploaded document and job result downloads with the same
bytes (checksums); the access log's chain verifies; every table has the same rows (counts). The reads themselves
write (login events, access-log entries), the same on both sides.

`python -m iljari.core.tests.drill` prints the probe of the site its environment names, as JSON."""

from __future__ import annotations

import hashlib
import json


def _sha(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return hashlib.sha256(body).hexdigest()


def probe() -> dict:
    from django.test import Client

    from iljari.core.accesslog import access_log_check
    from iljari.core.backup import _table_counts
    from iljari.core.models import BackgroundJob, User
    from iljari.intake.models import ApplicationDocument
    from iljari.people.models import Person
    from iljari.people.selectors import person_find_by_rrn
    from iljari.testing import PASSWORD, PERSONAS

    logins = {}
    for persona in sorted(PERSONAS.values(), key=lambda p: p.username):
        response = Client().post("/accounts/login/", {"username": persona.username, "password": PASSWORD})
        logins[persona.username] = response.status_code
    manager = User.objects.get(username="t_manager")
    office = Client()
    office.force_login(manager)
    people = {}
    for person in Person.objects.order_by("pk"):
        found = person_find_by_rrn(user=manager, rrn=person.rrn) if person.rrn else None
        people[str(person.pk)] = [person.rrn, found.pk if found else None]
    documents = {}
    for document in ApplicationDocument.objects.order_by("pk"):
        response = office.get(f"/intake/documents/{document.pk}/")
        documents[str(document.pk)] = [response.status_code, _sha(response) if response.status_code == 200 else ""]
    results = {}
    for job in BackgroundJob.objects.filter(requested_by=manager, status="succeeded").order_by("pk"):
        response = office.get(f"/jobs/{job.pk}/download/")
        results[str(job.pk)] = [response.status_code, _sha(response) if response.status_code == 200 else ""]
    chain = access_log_check()
    return {
        "logins": logins,
        "people": people,
        "documents": documents,
        "job_results": results,
        "access_log": [chain.checked, chain.broken_id],
        "tables": _table_counts(),
    }


def main() -> None:
    import django

    django.setup()
    print(json.dumps(probe(), ensure_ascii=False))


if __name__ == "__main__":
    main()
