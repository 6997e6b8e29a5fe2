"""`iljari demo --no-serve`: the whole demo dataset, one account per role, and a second run that changes nothing.

The demo is built once here (it is the slowest fixture of the suite); each module's own demo figures are tested
beside the module from its loader alone (e.g. participation/tests/test_training_demo.py)."""

from django.core.management import call_command
from django.test import Client

from iljari.core.models import User
from iljari.core.roles import Role
from iljari.demo.dataset.accounts import DEMO_ACCOUNTS
from iljari.intake import selectors as intake_selectors
from iljari.intake import services as intake
from iljari.intake.models import Application, Call
from iljari.org.models import District, OrgUnit, Partner
from iljari.participation.models import Placement, TrainingCourse


def _counts() -> tuple:
    return (
        OrgUnit.objects.count(),
        User.objects.count(),
        Call.objects.count(),
        Application.objects.count(),
        Placement.objects.count(),
        TrainingCourse.objects.count(),
    )


def test_the_demo_builds_prints_one_account_per_role_and_runs_again_unchanged(db, settings, tmp_path, capsys):
    settings.DEBUG = True
    settings.VAR_DIR = tmp_path
    call_command("demo", "--no-serve")
    printed = capsys.readouterr().out

    # the office, its districts and the trustees of the four training institutes
    assert OrgUnit.objects.filter(kind="division").count() == 3
    assert District.objects.count() == 25
    assert set(District.objects.values_list("name", flat=True)) >= {"종로구", "강동구", "노원구", "송파구"}
    assert Partner.objects.filter(entrusted_task__endswith="기술교육원 운영").count() == 4
    assert Partner.objects.get(code="TTI-CENTRAL").entrusted_until.isoformat() == "2020-02-28"

    # one account per role, printed, and each logs in
    assert {row["role"] for row in DEMO_ACCOUNTS} == set(Role.values)
    for row in DEMO_ACCOUNTS:
        assert row["username"] in printed and row["password"] in printed
        response = Client().post("/accounts/login/", {"username": row["username"], "password": row["password"]})
        assert response.status_code == 302, row["username"]

    # the 2018 New Deal 1st joint call as the report gives it, and its selection replayed from the recorded seed
    call = Call.objects.get(code="NEWDEAL-2018-1")
    figures = intake_selectors.call_figures(call=call)
    assert (figures.places, figures.applicants, figures.ratio) == (944, 6617, "7:1")
    run = call.selection_runs.get()
    assert run.seed == 2018
    replay = {r.application_id for r in intake.selection_compute(call=call, seed=2018) if r.outcome == "selected"}
    assert replay == set(call.applications.filter(status="selected").values_list("pk", flat=True))

    # a second run adds nothing and resets the demo passwords
    user = User.objects.get(username="manager")
    user.set_password("Changed!pass2018")
    user.save()
    before = _counts()
    call_command("demo", "--no-serve")
    assert _counts() == before
    assert User.objects.get(username="manager").check_password("Demo!manager2018")
