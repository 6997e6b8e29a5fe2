"""In a real browser (Debian's Chromium; the `browser` and `page` fixtures of iljari/conftest.py): a new citizen
signs up end to end, reading the one-time code from the e-mail outbox (the live server runs in this process, so the
locmem outbox works)."""

import re

from iljari.core.models import User
from iljari.people.models import Person
from iljari.testing import BROWSER_MARKS

pytestmark = BROWSER_MARKS


def test_a_new_citizen_signs_up_and_lands_on_the_calls(transactional_db, page, mailoutbox):
    page.goto("/accounts/login/")
    page.get_by_role("link", name="시민 회원가입").click()
    page.wait_for_url("**/portal/signup/")
    page.get_by_label("전자우편 주소 또는 휴대전화 번호").fill("browser.citizen@example.com")
    page.get_by_role("button", name="인증번호 받기").click()
    page.wait_for_url("**/portal/signup/code/")
    assert "@example.com에 인증번호 6자리를 보냈습니다" in page.content()
    assert "browser.citizen" not in page.content()  # shown back masked
    code = re.search(r"인증번호는 (\d{6})", mailoutbox[-1].body).group(1)
    page.get_by_role("textbox", name="인증번호").fill(code)
    page.get_by_role("button", name="확인").click()
    page.wait_for_url("**/portal/signup/identity/")

    page.get_by_role("textbox", name="이름").fill("정시민")
    page.get_by_label("생년월일").fill("1992-07-15")
    page.get_by_label("성별").select_option(label="여")
    page.get_by_label("주민등록번호").fill("920715-2000001")
    page.get_by_role("button", name="본인확인").click()
    page.wait_for_url("**/portal/signup/account/")
    assert "920715-2******" in page.content() and "2000001" not in page.content()

    page.get_by_role("textbox", name="아이디").fill("jung1992")
    page.locator("#id_password").fill("Browser!2018pw")
    page.get_by_label("비밀번호 확인").fill("Browser!2018pw")
    for consent in ("개인정보 수집·이용에 동의합니다 (필수)", "고유식별정보(주민등록번호) 처리에 동의합니다 (필수)"):
        page.get_by_text(consent, exact=True).click()  # the KRDS check box is drawn by its label
        assert page.get_by_label(consent).is_checked()
    page.get_by_role("button", name="가입하기").click()
    page.wait_for_url("**/portal/calls/")
    assert "환영합니다, 정시민님" in page.content()
    nav = page.get_by_role("navigation", name="주 메뉴")
    assert nav.get_by_role("link").all_inner_texts()[:3] == ["홈", "모집공고", "내 신청"]
    assert Person.objects.get(user=User.objects.get(username="jung1992")).name == "정시민"
