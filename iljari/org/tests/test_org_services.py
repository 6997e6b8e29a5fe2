"""org services: the tree's rules, moving a subtree, partner validation."""

import pytest

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.org import selectors, services
from iljari.org.models import OrgUnit, Partner


def test_the_demo_tree_is_the_office_of_the_2018_report(org):
    office = OrgUnit.objects.get(code="JOBS")
    assert office.name == "일자리노동정책관" and office.parent.name == "서울특별시"
    divisions = list(OrgUnit.objects.filter(kind="division").order_by("sort_order").values_list("name", flat=True))
    assert divisions == ["일자리정책담당관", "노동정책담당관", "사회적경제담당관"]
    assert OrgUnit.objects.get(code="JOBS-POLICY").path == "/SEOUL/JOBS/JOBS-POLICY/"


@pytest.mark.parametrize(
    ("kind", "parent_code", "message"),
    [
        ("team", "JOBS", "팀의 상위 조직은 담당관이어야 합니다"),
        ("division", "SEOUL", "담당관의 상위 조직은 정책관이어야 합니다"),
        ("office", None, "정책관의 상위 조직은 시이어야 합니다"),
        ("city", "SEOUL", "상위 조직을 가질 수 없습니다"),
    ],
)
def test_units_sit_only_under_the_right_kind(org, kind, parent_code, message):
    parent = OrgUnit.objects.get(code=parent_code) if parent_code else None
    with pytest.raises(ValidationFailed) as caught:
        services.org_unit_create(actor=None, code="NEW-UNIT", name="새 조직", kind=kind, parent=parent)
    assert message in caught.value.field_errors["parent"][0]
    assert not OrgUnit.objects.filter(code="NEW-UNIT").exists()


def test_codes_are_checked_and_unique(org):
    with pytest.raises(ValidationFailed) as caught:
        services.org_unit_create(
            actor=None, code="bad code", name="x", kind="team", parent=OrgUnit.objects.get(code="JOBS-POLICY")
        )
    assert "code" in caught.value.field_errors
    with pytest.raises(ValidationFailed) as caught:
        services.org_unit_create(
            actor=None, code="JOBS-POLICY-T1", name="x", kind="team", parent=OrgUnit.objects.get(code="JOBS-POLICY")
        )
    assert caught.value.field_errors["code"] == ["이미 쓰이는 코드입니다."]


def test_moving_a_division_moves_its_teams(org):
    second_office = services.org_unit_create(
        actor=None, code="OTHER", name="다른 정책관", kind="office", parent=OrgUnit.objects.get(code="SEOUL")
    )
    division = OrgUnit.objects.get(code="JOBS-POLICY")
    services.org_unit_update(actor=None, unit=division, name=division.name, parent=second_office, sort_order=1)
    team = OrgUnit.objects.get(code="JOBS-POLICY-T1")
    assert team.path == "/SEOUL/OTHER/JOBS-POLICY/JOBS-POLICY-T1/"
    assert team.depth == 3
    assert set(selectors.org_unit_subtree_ids(unit=second_office)) == set(
        OrgUnit.objects.filter(
            code__in=["OTHER", "JOBS-POLICY", *[f"JOBS-POLICY-T{number}" for number in range(1, 6)]]
        ).values_list("pk", flat=True)
    )


def test_a_unit_cannot_move_under_itself(org):
    team = OrgUnit.objects.get(code="JOBS-POLICY-T1")
    with pytest.raises(ValidationFailed):
        services.org_unit_update(actor=None, unit=team, name=team.name, parent=team, sort_order=0)


def test_a_unit_with_active_children_cannot_be_stopped(org):
    division = OrgUnit.objects.get(code="LABOUR-POLICY")
    with pytest.raises(ValidationFailed) as caught:
        services.org_unit_update(
            actor=None, unit=division, name=division.name, parent=division.parent, sort_order=2, is_active=False
        )
    assert "하위 조직" in caught.value.field_errors["is_active"][0]
    assert OrgUnit.objects.get(code="LABOUR-POLICY").is_active


def test_staff_may_not_change_the_structure(personas):
    staff = personas[Role.DIVISION_STAFF]
    with pytest.raises(NotAllowed):
        services.org_unit_create(
            actor=staff, code="X", name="x", kind="team", parent=OrgUnit.objects.get(code="JOBS-POLICY")
        )


def test_the_roll_up_subtree_of_the_office_holds_divisions_and_teams(org):
    office = OrgUnit.objects.get(code="JOBS")
    ids = selectors.org_unit_subtree_ids(unit=office)
    assert len(ids) == 1 + 3 + 15
    assert OrgUnit.objects.get(code="SEOUL").pk not in ids


def test_partner_rules(org):
    with pytest.raises(ValidationFailed) as caught:
        services.partner_create(actor=None, code="P-1", name=" ", kind="nope")
    assert set(caught.value.field_errors) == {"name", "kind"}
    partner = Partner.objects.get(code="TTI-EAST")
    services.partner_update(actor=None, partner=partner, contact="02-1")
    partner.refresh_from_db()
    assert partner.contact == "02-1" and partner.entrusted_task == "동부기술교육원 운영"
