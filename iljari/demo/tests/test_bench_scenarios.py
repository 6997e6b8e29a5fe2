"""The city-scale benchmark scenarios run here at a tiny size, so that they cannot rot: each returns its Results with
timings and (where it has one) the reference measured beside it, and leaves the database as it found it.

The HTTP scenario starts a real gunicorn against the test database: on PostgreSQL that is the test database
itself; SQLite's test database lives in this process's memory, so there the migrated, filled database is copied to
a file and the scenario runs in a subprocess against that file, as a SQLite deployment would."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.db import connection

from iljari.core.models import User
from iljari.demo import bench
from iljari.demo.bench import base, fund, http, programmes
from iljari.demo.participation_loader import load_tables
from iljari.fund.models import Loan
from iljari.intake.models import Application, Call
from iljari.participation import services as participation
from iljari.people.models import Person
from iljari.plan.models import Programme


@pytest.fixture
def context(tmp_path):
    return base.Context(year=2018, as_of=date(2018, 6, 30), repeat=2, workdir=tmp_path, say=lambda text: None)


@pytest.fixture
def office(dataset_2018):
    load_tables()
    participation.programme_terms_set(
        actor=None, programme=Programme.objects.get(code="P1-03"), target_group="youth", max_months=23
    )


def _registered(fn) -> bool:
    return any(registered is fn for _, registered in base.REGISTRY)


def test_the_scenario_modules_are_listed_for_the_bench_command():
    for name in ("programmes", "fund", "http"):
        assert name in bench.MODULES
    assert _registered(programmes.people_programme_batches) and _registered(programmes.excel_import)
    assert _registered(fund.fund_book) and _registered(http.submissions_through_http)


def test_the_programme_batches_at_a_tiny_size(office, context, monkeypatch):
    monkeypatch.setattr(programmes, "APPLICANTS", 200)
    monkeypatch.setattr(programmes, "QUOTAS", 4)
    monkeypatch.setattr(programmes, "PLACEMENTS", 30)
    people = Person.objects.count()
    results = programmes.people_programme_batches(context)
    assert [r.name for r in results] == [
        "eligibility, 200 applicants",
        "selection, 200 applications, 4 quotas",
        "monthly pay, 30 placements",
    ]
    assert all(len(r.timings_s) == 2 for r in results) and results[0].met and results[1].met
    assert results[1].ratio is not None and "40 selected, 160 waitlisted" in results[1].note
    assert Person.objects.count() == people and not Call.objects.filter(code__startswith="BENCH").exists()


def test_the_excel_import_at_a_tiny_size_checks_every_row_and_writes_nothing_for_good(office, context, monkeypatch):
    monkeypatch.setattr(programmes, "IMPORT_ROWS", 40)
    people = Person.objects.count()
    result = programmes.excel_import(context)
    assert result.met and result.ratio is not None and result.note.startswith("40 new people registered")
    assert Person.objects.count() == people and not Application.objects.filter(call__code="BENCH-IMPORT").exists()


def test_the_work_record_upload_at_a_tiny_size_changes_one_row_in_a_hundred_and_keeps_nothing(
    office, context, monkeypatch
):
    from iljari.core.models import ChangeBatch
    from iljari.participation.models import WorkRecord

    monkeypatch.setattr(programmes, "WORK_RECORD_ROWS", 150)
    batches, records = ChangeBatch.objects.count(), WorkRecord.objects.count()
    result = programmes.work_record_upload(context)
    assert result.name == "work records uploaded again, 150 rows, 1 in 100 changed"
    assert len(result.timings_s) == 2 and result.ratio is not None and result.note.startswith("150 rows")
    assert "2 changed, 148 unchanged" in result.note  # rows 0 and 100 of the sheet
    assert ChangeBatch.objects.count() == batches and WorkRecord.objects.count() == records


def test_the_fund_book_at_a_tiny_size(org, context, monkeypatch):
    monkeypatch.setattr(fund, "LOANS", 40)
    portfolio, repayment, overdue = fund.fund_book(context)
    assert (
        portfolio.met
        and portfolio.ratio is not None
        and portfolio.note.startswith("40 active loans of a synthetic book")
    )
    assert repayment.timings_s and overdue.timings_s
    assert not Loan.objects.exists()


def test_the_fund_book_of_a_generated_city_is_measured_as_it_is(org, context, monkeypatch):
    monkeypatch.setattr(fund, "LOANS", 40)
    fund.synthetic_book(40)  # the book a generated database holds
    portfolio, _, _ = fund.fund_book(context)
    # measured that book and added none beside it (the name would say 80 loans)
    assert portfolio.name.endswith(", 40 loans") and "of the generated book" in portfolio.note
    assert Loan.objects.count() == 40


SIZES = {"CITIZENS": 12, "CALLS": 2, "QUOTAS": 2, "PLACES": 3, "WORKERS": 2, "CONCURRENCY": 4, "REFERENCE_REQUESTS": 20}

IN_A_SUBPROCESS = """
import json, os, sys
from datetime import date
from pathlib import Path
import django
django.setup()
from iljari.demo.bench import base, http
for name, value in json.loads(sys.argv[1]).items():
    setattr(http, name, value)
ctx = base.Context(year=2018, as_of=date(2018, 6, 30), repeat=1, workdir=Path("."), say=lambda text: None)
(result,) = http.submissions_through_http(ctx)
print(json.dumps({"met": result.met, "note": result.note, "n": len(result.timings_s), "ref": result.ratio}))
"""


def _submissions_on_a_sqlite_file(tmp_path) -> dict:
    """Copy the in-memory test database to a file and run the scenario in a subprocess against it."""
    path = tmp_path / "bench.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "iljari.settings",
        "DATABASE_URL": f"sqlite:///{path}",
        "ILJARI_VAR_DIR": str(tmp_path),
        "TMPDIR": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-c", IN_A_SUBPROCESS, json.dumps(SIZES)],
        cwd=Path(__file__).resolve().parents[3],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.django_db(transaction=True)
def test_submissions_through_http_at_a_tiny_size_lose_nothing_and_leave_nothing(
    tmp_path, context, monkeypatch, dataset_2018
):
    if connection.vendor == "sqlite":
        outcome = _submissions_on_a_sqlite_file(tmp_path)
    else:
        monkeypatch.setenv("TMPDIR", str(tmp_path))
        for name, value in SIZES.items():
            monkeypatch.setattr(http, name, value)
        (result,) = http.submissions_through_http(context)
        outcome = {"note": result.note, "n": len(result.timings_s), "ref": result.ratio}
        assert not User.objects.filter(username__startswith=http.PREFIX).exists()
        assert not Call.objects.filter(code__startswith="BENCH-HTTP-").exists()
    note = outcome["note"]
    # 12 citizens × 2 calls, the 1st and the 11th twice: 28 requests, 24 rows, every answer a 2xx with its row
    assert outcome["n"] == 28 and outcome["ref"] is not None
    assert "2xx 28, refused 0, connection errors 0, rows 24 (expected 24), 2xx without a row 0" in note
    assert "quotas over-filled 0" in note


def test_the_year_opening_at_a_tiny_size_measures_its_reference_and_keeps_nothing(dataset_2018, context):
    from iljari.demo.bench import years
    from iljari.plan.models import Vision

    assert "years" in bench.MODULES and _registered(years.year_opening)
    result = years.year_opening(context)
    assert result.name == "opening 2019 from 2018, 21 programmes"
    assert len(result.timings_s) == 2 and len(result.reference_timings_s) == 2
    assert result.met and result.ratio is not None and "주요업무 21" in result.note
    assert result.note.startswith("109 rows created (109 by the reference)")  # the same rows, history aside
    assert not Vision.objects.filter(year=2019).exists()  # every run rolled back


def test_the_payroll_scenario_at_a_tiny_size(office, context, monkeypatch):
    from iljari.demo.bench import payroll
    from iljari.payroll.models import PayDeduction

    assert "payroll" in bench.MODULES and _registered(payroll.payroll_month)
    monkeypatch.setattr(payroll, "PLACEMENTS", 25)
    people = Person.objects.count()
    result = payroll.payroll_month(context)
    assert result.name.startswith("payroll deductions") and len(result.timings_s) == 2
    assert len(result.reference_timings_s) == 2 and result.met is True
    assert "25 lines" in result.note
    assert Person.objects.count() == people and not PayDeduction.objects.exists()  # rolled back


def test_the_selection_result_messages_at_a_tiny_size(office, context, monkeypatch):
    from iljari.demo.bench import messaging as messaging_bench
    from iljari.messaging.models import Message

    assert "messaging" in bench.MODULES and _registered(messaging_bench.selection_result_messages)
    monkeypatch.setattr(messaging_bench, "APPLICANTS", 120)
    monkeypatch.setattr(messaging_bench, "QUOTAS", 3)
    people, messages = Person.objects.count(), Message.objects.count()
    result = messaging_bench.selection_result_messages(context)
    assert result.timings_s and result.reference_timings_s
    assert result.note.startswith("120 messages rendered and queued per run")
    assert (Person.objects.count(), Message.objects.count()) == (people, messages)  # all rolled back


def test_the_payroll_transfer_scenario_at_a_tiny_size(office, context, monkeypatch):
    from iljari.demo.bench import payroll_transfer
    from iljari.payroll.models import TransferLine

    assert "payroll_transfer" in bench.MODULES and _registered(payroll_transfer.payroll_transfer)
    monkeypatch.setattr(payroll_transfer, "PARTICIPANTS", 20)
    people = Person.objects.count()
    result = payroll_transfer.payroll_transfer(context)
    assert result.name == "payroll transfer files, 20 participants" and len(result.timings_s) == 2
    assert len(result.reference_timings_s) == 2 and result.met is True
    assert result.note.startswith("2 batches, 40 lines")  # 시 and 구 for each of the 20
    assert Person.objects.count() == people and not TransferLine.objects.exists()  # rolled back


def test_the_public_pages_at_a_tiny_size_answer_a_visitor_with_a_reference(dataset_2018, context):
    from iljari.demo.bench import public
    from iljari.demo.intake_loader import load_intake

    assert "public" in bench.MODULES and _registered(public.public_call_list) and _registered(public.public_call_page)
    load_intake()  # the 2018 call and the one open now, published
    listed = public.public_call_list(context)
    page = public.public_call_page(context)
    for result in (*listed, page):
        assert len(result.timings_s) == 2 and len(result.reference_timings_s) == 2 and result.ratio is not None
        assert result.goal == "p95 < 100 ms (anonymous)"
    assert listed[0].name == "public call list, first page (2 calls)"
