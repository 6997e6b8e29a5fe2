"""In a real browser, on a phone (390 px) and a desktop (1366 px): the system admin resets a password, the holder
logs in with the temporary one, is held on the change page, and works normally after choosing their own; and an
official enrols an authenticator app and logs in with its code."""

import base64

import pytest
from django_otp.oath import totp

from iljari.testing import BROWSER_MARKS, PASSWORD, browser_log_in

pytestmark = BROWSER_MARKS

WIDTHS = [390, 1366]


def _fits(page, width: int) -> None:
    """Nothing on the page is wider than the screen (no sideways scrolling)."""
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", WIDTHS)
def test_reset_then_forced_change_in_the_browser(transactional_db, personas, browser, live_server, width):
    staff = personas["division_staff"]
    admin = browser.new_context(base_url=live_server.url, locale="ko-KR", viewport={"width": width, "height": 900})
    page = admin.new_page()
    browser_log_in(page, "t_admin")
    page.wait_for_url("**/")
    page.goto(f"/accounts/users/{staff.pk}/")
    _fits(page, width)
    page.get_by_role("button", name="비밀번호 초기화").click()
    page.wait_for_url(f"**/accounts/users/{staff.pk}/password-reset/")
    temporary = page.get_by_test_id("temporary-password").inner_text().strip()
    assert "한 번만 보입니다" in page.content()
    _fits(page, width)
    admin.close()

    holder = browser.new_context(base_url=live_server.url, locale="ko-KR", viewport={"width": width, "height": 900})
    page = holder.new_page()
    browser_log_in(page, "t_staff", temporary)
    page.wait_for_url("**/accounts/me/password/")
    assert page.locator("#forced-change").is_visible()
    _fits(page, width)
    page.goto("/org/")  # any other page leads back
    page.wait_for_url("**/accounts/me/password/")

    page.locator("#id_old_password").fill(temporary)
    page.locator("#id_new_password").fill(temporary)
    page.locator("#id_new_password_confirm").fill(temporary)
    page.get_by_role("button", name="바꾸기").click()
    assert "현재 비밀번호와 달라야 합니다" in page.content()
    _fits(page, width)

    page.locator("#id_old_password").fill(temporary)
    page.locator("#id_new_password").fill("Own!choice2018")
    page.locator("#id_new_password_confirm").fill("Own!choice2018")
    page.get_by_role("button", name="바꾸기").click()
    page.wait_for_url(f"{live_server.url}/")
    assert "비밀번호를 바꾸었습니다" in page.content()
    page.goto("/org/")
    assert page.get_by_role("heading", level=1).count() == 1 and "/org/" in page.url
    holder.close()


def test_enrol_an_authenticator_and_log_in_with_its_code(transactional_db, personas, page, live_server):
    browser_log_in(page, "t_staff", PASSWORD)
    page.wait_for_url("**/")
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto("/accounts/me/second-factor/")
    assert page.get_by_role("img", name="인증 앱에 등록할 QR 코드").is_visible()
    _fits(page, 390)
    secret = page.get_by_test_id("secret").inner_text().replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    page.get_by_role("textbox", name="인증 코드").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="등록").click()
    assert page.get_by_test_id("recovery-codes").locator("li").count() == 10
    page.get_by_role("button", name="로그아웃").click()
    page.wait_for_url("**/accounts/login/")

    browser_log_in(page, "t_staff", PASSWORD)
    page.wait_for_url("**/accounts/login/code/")
    page.get_by_role("textbox", name="인증 코드").fill(f"{totp(key, drift=1):06d}")
    page.get_by_role("button", name="확인").click()
    page.wait_for_url(f"{live_server.url}/")
    assert "지난 접속" in page.content()
