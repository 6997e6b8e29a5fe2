"""In a real browser (Debian's Chromium; the `browser` and `page` fixtures of iljari/conftest.py), at a desktop width
(1366×900) and a phone's (390×844): a new citizen signs up in the lawful order (consents, contact and code, name and
resident number — the birth date and sex shown, read from it — then the address and the account), corrects the
address on 내 인적사항, and later sets a new password by a one-time code. The codes are read from the e-mail outbox
(the live server runs in this process, so the locmem outbox works)."""

import re

import pytest

from iljari.core.models import User
from iljari.people.models import Person
from iljari.testing import BROWSER_MARKS
from iljari.web.tests.test_accessibility import AXE, axe_violations

pytestmark = BROWSER_MARKS

EMAIL = "browser.citizen@example.com"


def _code(mailoutbox) -> str:
    return re.search(r"인증번호는 (\d{6})", mailoutbox[-1].body).group(1)


def _axe(page, found: list[str], width: int) -> None:
    """axe-core over the step now open: every step of the walk, at the width of the walk."""
    found += axe_violations(page, page.url.split("/", 3)[-1], f"{width}px")


def _tick(page, label: str) -> None:
    page.get_by_text(label, exact=True).click()  # the KRDS check box is drawn by its label
    assert page.get_by_label(label).is_checked()


@pytest.mark.parametrize(("width", "height"), [(1366, 900), (390, 844)], ids=["desktop", "phone"])
def test_a_new_citizen_signs_up_sets_the_address_and_resets_the_password(
    transactional_db, org, page, mailoutbox, width, height
):
    page.context.add_init_script(path=str(AXE))
    found: list[str] = []
    page.set_viewport_size({"width": width, "height": height})
    page.goto("/accounts/login/")
    page.get_by_role("link", name="시민 회원가입").click()
    page.wait_for_url("**/portal/signup/")
    _axe(page, found, width)

    # 1. the consents, before anything personal is asked
    assert page.get_by_label("주민등록번호", exact=True).count() == 0
    page.get_by_role("button", name="동의하고 계속").click()
    assert "모두 동의해야 가입할 수 있습니다" in page.content()
    for consent in ("개인정보 수집·이용에 동의합니다 (필수)", "고유식별정보(주민등록번호) 처리에 동의합니다 (필수)"):
        _tick(page, consent)
    page.get_by_role("button", name="동의하고 계속").click()
    page.wait_for_url("**/portal/signup/contact/")
    _axe(page, found, width)

    # 2–3. the contact and its code
    page.get_by_label("전자우편 주소 또는 휴대전화 번호").fill(EMAIL)
    page.get_by_role("button", name="인증번호 받기").click()
    page.wait_for_url("**/portal/signup/code/")
    _axe(page, found, width)
    assert "br*************@example.com에 인증번호 6자리를 보냈습니다" in page.content()
    page.get_by_role("textbox", name="인증번호").fill(_code(mailoutbox))
    page.get_by_role("button", name="확인").click()
    page.wait_for_url("**/portal/signup/identity/")
    _axe(page, found, width)

    # 4. the name and the number only
    assert page.get_by_label("생년월일").count() == 0 and page.get_by_label("성별").count() == 0
    page.get_by_role("textbox", name="이름").fill("정시민")
    page.get_by_label("주민등록번호").fill("920715-2000001")
    page.get_by_role("button", name="본인확인").click()
    page.wait_for_url("**/portal/signup/account/")
    _axe(page, found, width)
    content = page.content()
    assert "920715-2******" in content and "2000001" not in content
    assert "<dt>생년월일</dt><dd>1992.7.15.</dd>" in content and "<dt>성별</dt><dd>여</dd>" in content

    # 5. the address with its district, and the account
    page.locator("#id_address").fill("서울특별시 마포구 월드컵북로 212")
    page.locator("#id_district").select_option(label="마포구")
    page.get_by_label("우편번호").fill("03936")
    page.get_by_role("textbox", name="아이디").fill("jung1992")
    page.locator("#id_password").fill("Browser!2018pw")
    page.get_by_label("비밀번호 확인").fill("Browser!2018pw")
    page.get_by_role("button", name="가입하기").click()
    page.wait_for_url("**/portal/calls/")
    _axe(page, found, width)
    assert "환영합니다, 정시민님" in page.content()
    person = Person.objects.get(user=User.objects.get(username="jung1992"))
    assert (person.name, person.district.name) == ("정시민", "마포구")

    # the address corrected on 내 인적사항, its history shown
    page.goto("/people/me/")
    page.locator("#id_address").fill("서울특별시 강동구 성내로 25")
    page.locator("#id_district").select_option(label="강동구")
    page.get_by_label("우편번호").fill("05397")
    page.get_by_role("button", name="저장").click()
    page.wait_for_url("**/people/me/")
    _axe(page, found, width)
    history = page.get_by_role("region", name="주소 변경 이력 표")
    assert history.get_by_role("row").nth(1).inner_text().split("\t")[1:] == [
        "서울특별시 강동구 성내로 25",
        "강동구",
        "05397",
    ]
    person.refresh_from_db()
    assert person.district.name == "강동구"

    # later, logged out: 비밀번호 재설정 by a code to the registered e-mail address
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_role("link", name="비밀번호 재설정").click()
    page.wait_for_url("**/accounts/password-reset/")
    _axe(page, found, width)
    page.get_by_role("textbox", name="아이디").fill("jung1992")
    page.get_by_label("전자우편 주소 또는 휴대전화 번호").fill(EMAIL)
    page.get_by_role("button", name="인증번호 받기").click()
    page.wait_for_url("**/accounts/password-reset/code/")
    _axe(page, found, width)
    page.get_by_role("textbox", name="인증번호").fill(_code(mailoutbox))
    page.locator("#id_new_password").fill("Renewed!2018pw")
    page.get_by_label("새 비밀번호 확인").fill("Renewed!2018pw")
    page.get_by_role("button", name="확인").click()
    page.wait_for_url("**/accounts/login/")
    _axe(page, found, width)
    assert "비밀번호를 새로 정했습니다" in page.content()
    page.get_by_role("textbox", name="아이디").fill("jung1992")
    page.get_by_label("비밀번호", exact=True).fill("Renewed!2018pw")
    page.get_by_role("button", name="로그인").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    assert found == [], "\n".join(found)
