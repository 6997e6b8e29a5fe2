"""`iljari generate --scale small`: the counts the scale says, an internally consistent office, the same rows from
the same seed, the office pages answering on it, and a refusal to write over existing data."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.models import Count, F, Q, Sum
from django.test import Client

from iljari.core.models import User
from iljari.core.roles import Role
from iljari.demo.scale import SCALES, sample_checksum
from iljari.demo.scale.generator import PREFIX
from iljari.enterprises.models import Organisation
from iljari.frontline.models import Booking, Consultation
from iljari.fund.models import Instalment, Loan
from iljari.intake.models import Application, Quota
from iljari.participation.models import Placement, WorkRecord, Worksite
from iljari.people.models import Person
from iljari.plan.models import Programme

SMALL = SCALES["small"]


@pytest.fixture
def generated(db, capsys):
    call_command("generate", "--scale", "small", "--seed", "7")
    capsys.readouterr()


def test_small_scale_has_the_counts_the_scale_says_and_holds_together(generated):
    _counts_as_the_scale_says()
    _resident_numbers_encrypted_at_rest()
    _placements_belong_to_selected_applications()
    _no_quota_over_filled_and_no_two_direct_jobs_at_once()
    _work_records_inside_their_placements()
    _loan_schedules_sum_to_the_principal()


def _counts_as_the_scale_says():
    assert Programme.objects.filter(code__startswith=PREFIX).count() == SMALL.programmes_per_year * 5
    assert Person.objects.count() == SMALL.persons
    assert Person.objects.filter(rrn_index__isnull=True).count() == 0
    assert Application.objects.filter(call__code__startswith=PREFIX).count() == SMALL.applications
    assert Organisation.objects.filter(business_number__startswith="6").count() == SMALL.organisations
    assert Loan.objects.filter(number__startswith=PREFIX).count() == SMALL.loans
    assert Consultation.objects.filter(service_point__code__startswith=PREFIX).count() == SMALL.consultations
    assert Booking.objects.filter(room__code__startswith=PREFIX).count() == SMALL.bookings
    placed = Placement.objects.filter(programme__code__startswith=PREFIX).count()
    assert 0.3 * SMALL.applications < placed <= 0.4 * SMALL.applications + 40


def _resident_numbers_encrypted_at_rest():
    with connection.cursor() as cursor:
        cursor.execute("SELECT rrn FROM people_person LIMIT 5")
        stored = [row[0] for row in cursor.fetchall()]
    assert all(len(value) > 40 and not value.isdigit() for value in stored)
    person = Person.objects.order_by("pk").first()
    assert len(person.rrn) == 13 and person.rrn_masked.endswith("******")


def _placements_belong_to_selected_applications():
    placements = Placement.objects.filter(programme__code__startswith=PREFIX)
    assert placements.filter(application__isnull=True).count() == 0
    assert placements.exclude(application__status="selected").count() == 0
    assert placements.exclude(application__person=F("person")).count() == 0
    assert placements.exclude(application__call__programme=F("programme")).count() == 0
    selected = Application.objects.filter(call__code__startswith=PREFIX, status="selected")
    assert selected.count() == placements.count()


def _no_quota_over_filled_and_no_two_direct_jobs_at_once():
    over = (
        Quota.objects.filter(call__code__startswith=PREFIX)
        .annotate(taken=Count("applications", filter=Q(applications__status="selected")))
        .filter(taken__gt=F("places"))
    )
    assert not over.exists()
    # every worksite has places, and no call placed more people on one than it holds
    sites = Worksite.objects.filter(code__startswith=PREFIX)
    assert not sites.filter(places=0, placements__isnull=False).exists()
    per_call = (
        Placement.objects.filter(programme__code__startswith=PREFIX)
        .values("worksite", "application__call")
        .annotate(n=Count("pk"))
    )
    places = dict(sites.values_list("pk", "places"))
    assert all(row["n"] <= places[row["worksite"]] for row in per_call)
    rows = list(
        Placement.objects.filter(programme__code__startswith=PREFIX).values_list("person_id", "start_date", "end_date")
    )
    by_person: dict = {}
    for person, start, end in sorted(rows):
        for other_start, other_end in by_person.get(person, []):
            assert end < other_start or start > other_end
        by_person.setdefault(person, []).append((start, end))


def _work_records_inside_their_placements():
    records = WorkRecord.objects.filter(placement__programme__code__startswith=PREFIX)
    assert records.count() > 0
    assert not records.filter(month__gt=F("placement__end_date")).exists()
    without = Placement.objects.filter(programme__code__startswith=PREFIX).annotate(n=Count("work_records"))
    assert not without.filter(n=0).exists()


def _loan_schedules_sum_to_the_principal():
    sums = dict(
        Instalment.objects.filter(version__loan__number__startswith=PREFIX, version__number=1)
        .values_list("version__loan__number")
        .annotate(total=Sum("principal"))
        .order_by("version__loan__number")
    )
    loans = dict(Loan.objects.filter(number__startswith=PREFIX).values_list("number", "principal"))
    assert sums == loans


def test_a_database_with_data_is_refused_without_reset_and_the_same_seed_gives_the_same_rows(transactional_db, capsys):
    # outside a test transaction: --reset empties the tables (TRUNCATE on PostgreSQL) as it does from the shell
    call_command("generate", "--scale", "small", "--seed", "7")
    with pytest.raises(CommandError, match="이미 자료가 있습니다"):
        call_command("generate", "--scale", "small")
    first = sample_checksum()
    call_command("generate", "--scale", "small", "--seed", "7", "--reset")
    assert sample_checksum() == first
    call_command("generate", "--scale", "small", "--seed", "8", "--reset")
    assert sample_checksum() != first


def test_the_dashboard_and_the_business_report_answer_on_it_and_the_bench_measures_them(generated, tmp_path):
    client = Client()
    client.force_login(User.objects.filter(role=Role.OFFICE_MANAGER).order_by("pk").first())
    assert client.get("/office/?year=2018&as_of=2018-06-30").status_code == 200
    response = client.get("/office/business/?year=2018&as_of=2018-06-30&format=html")
    assert response.status_code == 200
    staff = User.objects.filter(role=Role.DIVISION_STAFF).order_by("pk").first()
    client.force_login(staff)
    assert client.get("/office/?year=2016&as_of=2016-12-31").status_code == 200

    out = tmp_path / "benchmarks.md"
    out.write_text("# Benchmarks\n\nnotes kept\n\n## demo data, sqlite\n\nkept too\n", encoding="utf-8")
    call_command("bench", "--only", "dashboard_office_manager", "district_officer", "--repeat", "2", "--write", out)
    text = out.read_text(encoding="utf-8")
    assert "notes kept" in text and "kept too" in text
    assert "## small scale, " in text and "(only dashboard_office_manager district_officer)" in text
    assert "--scale small --seed 7" in text
    assert "| dashboard, office manager | p95 < 300 ms" in text
    assert "| district officer: the district's worksites |" in text
