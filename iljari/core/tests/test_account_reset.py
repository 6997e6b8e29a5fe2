"""The system admin's account page: 비밀번호 초기화 (a temporary password shown once, then the holder's forced change),
the forced change at the first login of an account the admin made, unlock, deactivation — and the API during a
forced change. Through HTTP, as the office would do it."""

import logging
import re

import pytest
from auditlog.models import LogEntry
from django.contrib.auth import password_validation
from django.test import Client

from iljari.core import services
from iljari.core.models import ApiToken, LoginEvent, User
from iljari.core.roles import Role
from iljari.testing import PASSWORD

CHANGE = "/accounts/me/password/"


def _login(client, username, password):
    return client.post("/accounts/login/", {"username": username, "password": password})


def _reset(admin_client, account) -> str:
    response = admin_client.post(f"/accounts/users/{account.pk}/password-reset/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    match = re.search(r'data-testid="temporary-password">([^<]+)<', response.content.decode())
    assert match, "the temporary password is shown on the answer"
    return match.group(1)


def test_reset_then_forced_change_then_normal_use(personas, client_as):
    staff = personas[Role.DIVISION_STAFF]
    before = Client()
    assert _login(before, "t_staff", PASSWORD).status_code == 302
    assert before.get("/org/").status_code == 200
    _, raw = services.api_token_issue(user=staff, name="보고서 도구")

    admin = client_as(Role.SYSTEM_ADMIN)
    temporary = _reset(admin, staff)

    # the holder's session and API token end at once
    assert before.get("/org/")["Location"].startswith("/accounts/login/")
    assert Client().get("/api/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 401
    # the old password is gone; the temporary one logs in, and every page leads to the change
    assert _login(Client(), "t_staff", PASSWORD).status_code == 401
    holder = Client()
    assert _login(holder, "t_staff", temporary).status_code == 302
    for path in ("/", "/org/", "/accounts/me/", "/plan/"):
        response = holder.get(path)
        assert response.status_code == 302 and response["Location"] == CHANGE, path
    page = holder.get(CHANGE)
    assert page.status_code == 200 and "자신만 아는 새 비밀번호로 바꾸어야" in page.content.decode()

    # the temporary password again, and a password the rules refuse: Korean on the field, nothing changed
    again = holder.post(
        CHANGE, {"old_password": temporary, "new_password": temporary, "new_password_confirm": temporary}
    )
    assert again.status_code == 400 and "현재 비밀번호와 달라야 합니다" in again.content.decode()
    weak = holder.post(
        CHANGE, {"old_password": temporary, "new_password": "abcdefgh", "new_password_confirm": "abcdefgh"}
    )
    assert weak.status_code == 400 and "10자 이상" in weak.content.decode()
    assert User.objects.get(pk=staff.pk).must_change_password

    done = holder.post(
        CHANGE, {"old_password": temporary, "new_password": "Own!choice2018", "new_password_confirm": "Own!choice2018"}
    )
    assert done.status_code == 302 and done["Location"] == "/"
    assert holder.get("/org/").status_code == 200
    assert not User.objects.get(pk=staff.pk).must_change_password
    assert _login(Client(), "t_staff", "Own!choice2018").status_code == 302

    # the audit: who reset it and from where (login log), the flag's change in the change history
    reset = LoginEvent.objects.get(user=staff, outcome=LoginEvent.Outcome.PASSWORD_RESET)
    assert reset.actor == personas[Role.SYSTEM_ADMIN] and reset.remote_addr == "127.0.0.1"
    assert LoginEvent.objects.filter(user=staff, outcome=LoginEvent.Outcome.PASSWORD_CHANGED).count() == 1
    flags = [
        entry.changes_dict.get("must_change_password")
        for entry in LogEntry.objects.get_for_object(staff).filter(action=LogEntry.Action.UPDATE).order_by("timestamp")
        if "must_change_password" in (entry.changes_dict or {})
    ]
    assert flags == [[False, True], [True, False]]  # set by the reset, cleared by the holder's change
    assert ApiToken.objects.get(user=staff).revoked_at is not None


def test_an_account_the_admin_makes_changes_its_password_at_the_first_login(client_as):
    admin = client_as(Role.SYSTEM_ADMIN)
    made = admin.post(
        "/accounts/users/new/",
        {"username": "new_auditor2", "display_name": "새 감사", "role": "citizen", "password": "Chosen!byadmin1"},
    )
    assert made.status_code == 302
    assert User.objects.get(username="new_auditor2").must_change_password
    holder = Client()
    assert _login(holder, "new_auditor2", "Chosen!byadmin1").status_code == 302
    assert holder.get("/")["Location"] == CHANGE
    holder.post(
        CHANGE,
        {"old_password": "Chosen!byadmin1", "new_password": "Mine!only2018", "new_password_confirm": "Mine!only2018"},
    )
    assert holder.get("/").status_code == 200


def test_a_citizen_who_signs_up_chooses_the_password_and_is_not_asked_again(org):
    user = services.user_create(actor=None, username="self_made", password="Quiet!river2018", role=Role.CITIZEN)
    assert not user.must_change_password


def test_the_api_refuses_an_account_that_must_change_its_password(personas, client_as):
    staff = personas[Role.DIVISION_STAFF]
    _, raw = services.api_token_issue(user=staff)
    services.user_password_change_require(user=staff)

    by_token = Client().get("/api/me", headers={"Authorization": f"Bearer {raw}"})
    assert by_token.status_code == 403
    assert by_token.json()["code"] == "password_change_required"
    assert "비밀번호를 바꾸어야" in by_token.json()["message"]

    by_session = client_as(Role.DIVISION_STAFF).get("/api/me")
    assert by_session.status_code == 403 and by_session.json()["code"] == "password_change_required"

    issue = Client().post(
        "/api/auth/token", {"username": "t_staff", "password": PASSWORD}, content_type="application/json"
    )
    assert issue.status_code == 403 and issue.json()["code"] == "password_change_required"
    assert ApiToken.objects.filter(user=staff).count() == 1  # no new token


@pytest.mark.parametrize("role", [role for role in Role if role != Role.SYSTEM_ADMIN])
@pytest.mark.parametrize("action", ["password-reset", "active", "second-factor-reset", "unlock"])
def test_only_the_system_admin_acts_on_accounts(personas, client_as, role, action):
    staff = personas[Role.DIVISION_STAFF]
    before = User.objects.get(pk=staff.pk).password
    response = client_as(role).post(f"/accounts/users/{staff.pk}/{action}/", {"is_active": "0"})
    assert response.status_code == 403
    after = User.objects.get(pk=staff.pk)
    assert after.password == before and after.is_active and not after.must_change_password


def test_the_admin_does_not_reset_or_stop_their_own_account(personas, client_as):
    admin_user = personas[Role.SYSTEM_ADMIN]
    admin = client_as(Role.SYSTEM_ADMIN)
    response = admin.post(f"/accounts/users/{admin_user.pk}/password-reset/", follow=True)
    assert "내 정보에서 바꿉니다" in response.content.decode()
    response = admin.post(f"/accounts/users/{admin_user.pk}/active/", {"is_active": "0"}, follow=True)
    assert "자신의 계정은 중지할 수 없습니다" in response.content.decode()
    admin_user.refresh_from_db()
    assert admin_user.is_active and not admin_user.must_change_password


def test_deactivation_ends_the_session_and_tokens_and_reactivation_lets_in_again(personas, client_as):
    staff = personas[Role.DIVISION_STAFF]
    holder = Client()
    _login(holder, "t_staff", PASSWORD)
    _, raw = services.api_token_issue(user=staff)
    admin = client_as(Role.SYSTEM_ADMIN)

    response = admin.post(f"/accounts/users/{staff.pk}/active/", {"is_active": "0"})
    assert response.status_code == 302
    assert holder.get("/org/")["Location"].startswith("/accounts/login/")
    assert Client().get("/api/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 401
    assert _login(Client(), "t_staff", PASSWORD).status_code == 401

    admin.post(f"/accounts/users/{staff.pk}/active/", {"is_active": "1"})
    assert _login(Client(), "t_staff", PASSWORD).status_code == 302
    outcomes = list(
        LoginEvent.objects.filter(user=staff, actor=personas[Role.SYSTEM_ADMIN]).values_list("outcome", flat=True)
    )
    assert sorted(outcomes) == ["activated", "deactivated"]


def test_unlock_from_the_account_page(personas, client_as):
    staff = personas[Role.DIVISION_STAFF]
    for _ in range(5):
        _login(Client(), "t_staff", "wrong-password")
    assert _login(Client(), "t_staff", PASSWORD).status_code == 403
    page = client_as(Role.SYSTEM_ADMIN).get(f"/accounts/users/{staff.pk}/")
    assert "잠금 해제" in page.content.decode() and "계정 보안" in page.content.decode()
    client_as(Role.SYSTEM_ADMIN).post(f"/accounts/users/{staff.pk}/unlock/")
    assert _login(Client(), "t_staff", PASSWORD).status_code == 302


def test_the_account_page_lists_what_was_done_to_the_account(personas, client_as):
    staff = personas[Role.DIVISION_STAFF]
    admin = client_as(Role.SYSTEM_ADMIN)
    _reset(admin, staff)
    text = admin.get(f"/accounts/users/{staff.pk}/").content.decode()
    assert "다음 로그인 때 바꾸어야 함" in text
    assert "비밀번호 초기화" in text and "시스템관리자 테스트" in text  # the acting admin's name


def test_temporary_passwords_pass_the_password_rules_and_differ():
    made = {services.temporary_password_make() for _ in range(300)}
    assert len(made) == 300
    for password in made:
        password_validation.validate_password(password)
        assert not set(password) & set("0O1lI")


def test_the_temporary_password_is_never_logged_nor_kept(personas, client_as, caplog):
    staff = personas[Role.DIVISION_STAFF]
    with caplog.at_level(logging.DEBUG):
        temporary = _reset(client_as(Role.SYSTEM_ADMIN), staff)
    assert all(temporary not in record.getMessage() for record in caplog.records)
    assert all(temporary not in str(entry.changes) for entry in LogEntry.objects.all())
    assert temporary not in User.objects.get(pk=staff.pk).password


def test_stopping_an_account_through_its_form_revokes_its_tokens_too(personas, client_as):
    staff = personas[Role.DIVISION_STAFF]
    _, raw = services.api_token_issue(user=staff)
    form = {
        "username": staff.username,
        "display_name": staff.display_name,
        "role": staff.role,
        "org_unit": staff.org_unit_id,
        "email": "",
        "phone": "",
    }  # the 사용 box left unticked
    assert client_as(Role.SYSTEM_ADMIN).post(f"/accounts/users/{staff.pk}/", form).status_code == 302
    assert not User.objects.get(pk=staff.pk).is_active
    assert Client().get("/api/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 401
    assert ApiToken.objects.get(user=staff).revoked_at is not None
    assert LoginEvent.objects.get(user=staff, outcome="deactivated").actor == personas[Role.SYSTEM_ADMIN]


def test_the_account_list_says_which_roles_need_a_second_factor_and_who_must_change(personas, client_as, settings):
    services.user_password_change_require(user=personas[Role.DIVISION_STAFF])
    text = client_as(Role.SYSTEM_ADMIN).get("/accounts/users/").content.decode()
    assert "필수인 역할: 시스템관리자, 감사." in text
    assert text.count("사용 · 비밀번호 변경 전") == 1  # the account's state (the filter offers the same words)
    settings.ILJARI_SECOND_FACTOR_ROLES = []
    assert "필수인 역할: 없음." in client_as(Role.SYSTEM_ADMIN).get("/accounts/users/").content.decode()


def test_a_locked_account_is_on_the_admins_work_list_and_under_the_lists_locked_filter(personas, client_as):
    staff = personas[Role.DIVISION_STAFF]
    admin = client_as(Role.SYSTEM_ADMIN)
    assert "지금 잠긴 계정" not in admin.get("/").content.decode()
    for _ in range(4):
        _login(Client(), "t_staff", "wrong-password")
    assert services.usernames_locked() == []  # four failures: not yet locked
    _login(Client(), "t_staff", "wrong-password")
    assert services.usernames_locked() == ["t_staff"]
    home = admin.get("/").content.decode()
    assert "지금 잠긴 계정" in home and "/accounts/users/?state=locked" in home
    listed = admin.get("/accounts/users/?state=locked").content.decode()
    assert f'href="/accounts/users/{staff.pk}/"' in listed
    assert f'href="/accounts/users/{personas[Role.AUDITOR].pk}/"' not in listed
    admin.post(f"/accounts/users/{staff.pk}/unlock/")
    assert services.usernames_locked() == []
    assert "지금 잠긴 계정" not in admin.get("/").content.decode()
    assert "지금 잠긴 계정" not in client_as(Role.OFFICE_MANAGER).get("/").content.decode()  # the admin's alone
