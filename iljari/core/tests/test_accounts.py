"""The system admin manages accounts: each role with the placement it needs, through the pages."""

import pytest

from iljari.core.models import User
from iljari.core.roles import Role
from iljari.org.models import District, OrgUnit, Partner


def _form(**overrides):
    data = {
        "username": "new_user",
        "display_name": "새 사용자",
        "email": "",
        "phone": "",
        "role": "citizen",
        "password": "Brand!new2018",
    }
    data.update(overrides)
    return data


def test_admin_creates_a_district_officer(client_as):
    district = District.objects.get(code="11440")
    response = client_as(Role.SYSTEM_ADMIN).post(
        "/accounts/users/new/", _form(role="district_officer", district=district.pk)
    )
    assert response.status_code == 302
    user = User.objects.get(username="new_user")
    assert user.role == "district_officer" and user.district == district
    assert user.check_password("Brand!new2018")


@pytest.mark.parametrize(
    ("role", "message"),
    [
        ("district_officer", "소속 자치구를 지정해야 합니다"),
        ("partner_agency", "소속 기관을 지정해야 합니다"),
        ("division_staff", "소속 부서를 지정해야 합니다"),
    ],
)
def test_a_role_without_its_placement_is_refused_and_nothing_is_saved(client_as, role, message):
    response = client_as(Role.SYSTEM_ADMIN).post("/accounts/users/new/", _form(role=role))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not User.objects.filter(username="new_user").exists()


def test_a_placement_the_role_does_not_use_is_refused(client_as):
    partner = Partner.objects.get(code="TTI-EAST")
    response = client_as(Role.SYSTEM_ADMIN).post("/accounts/users/new/", _form(role="citizen", partner=partner.pk))
    assert response.status_code == 400
    assert "소속 기관을 지정하지 않습니다" in response.content.decode()


def test_weak_password_and_taken_username_are_explained(client_as):
    admin = client_as(Role.SYSTEM_ADMIN)
    response = admin.post("/accounts/users/new/", _form(password="weakpass"))
    assert response.status_code == 400
    assert "2종류 이상으로 10자 이상" in response.content.decode()
    response = admin.post("/accounts/users/new/", _form(username="t_staff"))
    assert "이미 쓰이는 아이디입니다" in response.content.decode()


def test_admin_moves_a_staff_member_and_the_history_shows_it(client_as, personas):
    staff = personas[Role.DIVISION_STAFF]
    unit = OrgUnit.objects.get(code="SOCIAL-ECONOMY")
    response = client_as(Role.SYSTEM_ADMIN).post(
        f"/accounts/users/{staff.pk}/",
        {
            "display_name": "이동한 직원",
            "email": "",
            "phone": "",
            "role": "division_staff",
            "org_unit": unit.pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.org_unit == unit and staff.display_name == "이동한 직원"
    history = client_as(Role.AUDITOR).get(f"/history/?model=core.user&object_pk={staff.pk}").content.decode()
    assert "수정" in history


def test_admin_cannot_demote_or_stop_themselves(client_as, personas):
    admin = personas[Role.SYSTEM_ADMIN]
    response = client_as(Role.SYSTEM_ADMIN).post(
        f"/accounts/users/{admin.pk}/",
        {"display_name": "x", "role": "citizen", "is_active": "on"},
    )
    assert response.status_code == 400
    assert "자신의 역할을 바꾸거나" in response.content.decode()


def test_user_list_searches_and_filters(client_as):
    page = client_as(Role.SYSTEM_ADMIN).get("/accounts/users/?role=auditor").content.decode()
    assert "t_auditor" in page and "t_staff" not in page
    page = client_as(Role.SYSTEM_ADMIN).get("/accounts/users/?q=t_part").content.decode()
    assert "t_partner" in page and "t_auditor" not in page


def test_unknown_account_is_404(client_as):
    assert client_as(Role.SYSTEM_ADMIN).get("/accounts/users/999999/").status_code == 404
