"""A destruction run on the demo data: the 2018 1st joint call's applications that were not selected are past
their one-year retention; their personal fields go, the office's figures stay as the 2018 report prints them
(6,617 applicants for 944 places), and the destruction register lists them."""

from django.utils import timezone

from iljari.core.formats import format_rate
from iljari.core.models import DestructionRecord
from iljari.core.retention import retention_run
from iljari.core.roles import Role
from iljari.demo.intake_loader import load_intake
from iljari.demo.participation_loader import load_participation
from iljari.intake import selectors as intake_selectors
from iljari.intake.models import Application, Call
from iljari.participation import selectors as participation_selectors
from iljari.people.models import Person


def _figures(manager):
    call = Call.objects.get(code="NEWDEAL-2018-1")
    figures = intake_selectors.call_figures(call=call)
    waitlisted = sum(q.waitlisted for q in figures.quotas)
    rates = {r.programme_code: r.rate for r in participation_selectors.employment_rates(user=manager, year=2017)}
    return figures.applicants, figures.places, sum(q.selected for q in figures.quotas), waitlisted, figures.ratio, rates


def test_a_run_on_the_demo_destroys_the_expired_applications_and_keeps_the_figures(
    personas, django_capture_on_commit_callbacks, dataset_2018
):
    load_intake()
    load_participation()  # the 944 selected at work from '18.3.2., and a 2017 cohort that finished the year
    manager = personas[Role.OFFICE_MANAGER]
    before = _figures(manager)
    assert before[:3] == (6_617, 944, 944)  # 2018 주요업무보고: 944명 모집에 6,617명 신청
    assert format_rate(before[5]["P1-03"]) == "52.9%"  # the 2017 New Deal employment rate the 2018 report gives

    with django_capture_on_commit_callbacks(execute=True):
        records = {r.rule_code: r for r in retention_run(now=timezone.now())}

    assert _figures(manager) == before
    not_selected = Application.objects.filter(call__code="NEWDEAL-2018-1").exclude(status="selected")
    assert not_selected.count() == 6_617 - 944
    assert not not_selected.filter(personal_data_destroyed_at__isnull=True).exists()
    assert not Person.objects.filter(applications__in=not_selected, rrn_index__isnull=False).exists()
    register = records["intake.application_not_selected"]
    assert register.records == 6_617 - 944
    assert set(map(int, register.record_ids.split(","))) == set(not_selected.values_list("pk", flat=True))
    assert DestructionRecord.objects.filter(rule_code="intake.application_not_selected").count() == 1
    # the 2017 cohort ended more than five years ago: its participants are anonymised under the participants' rule
    participants = records["participation.participant"]
    assert participants.records > 0 and participants.people > 0
