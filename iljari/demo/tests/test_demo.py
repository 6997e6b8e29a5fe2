"""`iljari demo --no-serve`: the demo data and one account per role, idempotent."""

import pytest
from django.core.management import call_command
from django.test import Client

from iljari.core.models import User
from iljari.core.roles import Role
from iljari.demo.dataset.accounts import DEMO_ACCOUNTS
from iljari.org.models import District, OrgUnit, Partner


@pytest.fixture
def demo(db, settings, tmp_path, capsys):
    settings.DEBUG = True
    settings.VAR_DIR = tmp_path
    call_command("demo", "--no-serve")
    return capsys.readouterr().out


def test_demo_loads_the_office_districts_and_partners(demo):
    assert OrgUnit.objects.filter(kind="division").count() == 3
    assert District.objects.count() == 25
    assert set(District.objects.values_list("name", flat=True)) >= {"종로구", "강동구", "노원구", "송파구"}
    trustees = Partner.objects.filter(entrusted_task__endswith="기술교육원 운영")
    assert trustees.count() == 4
    assert Partner.objects.get(code="TTI-CENTRAL").entrusted_until.isoformat() == "2020-02-28"


def test_demo_prints_one_account_per_role_and_each_can_log_in(demo):
    assert {row["role"] for row in DEMO_ACCOUNTS} == set(Role.values)
    for row in DEMO_ACCOUNTS:
        assert f"{row['username']}" in demo and row["password"] in demo
        response = Client().post("/accounts/login/", {"username": row["username"], "password": row["password"]})
        assert response.status_code == 302, row["username"]


def test_demo_runs_twice_without_duplicates_and_resets_passwords(demo, settings, tmp_path):
    user = User.objects.get(username="manager")
    user.set_password("Changed!pass2018")
    user.save()
    call_command("demo", "--no-serve")
    assert User.objects.filter(username="manager").count() == 1
    assert OrgUnit.objects.filter(code="JOBS").count() == 1
    assert User.objects.get(username="manager").check_password("Demo!manager2018")
