"""The done-when scenario in a real browser: a citizen books a study room and registers for a mock interview; a
second booking of the same slot is refused; the centre's advisor records a counselling session whose outcome
"employed" moves the centre's employment figure."""

from django.utils import timezone

from iljari.core.roles import Role
from iljari.frontline.models import Booking, Consultation, Registration, Room
from iljari.frontline.tests.factories import make_frontline, next_weekday
from iljari.testing import BROWSER_MARKS, Persona, browser_log_in, make_persona

pytestmark = BROWSER_MARKS


def test_a_citizen_books_and_registers_and_the_advisors_employed_outcome_moves_the_figure(
    transactional_db, personas, page, browser, live_server
):
    made = make_frontline()
    make_persona(Persona(Role.CITIZEN, "t_citizen2"))
    monday = next_weekday(0)

    browser_log_in(page, "t_citizen")
    page.wait_for_url("**/")
    page.get_by_role("link", name="공간 예약", exact=True).click()
    page.get_by_role("link", name="청년일자리센터 스터디룸 1").click()
    page.locator("#id_day").fill(f"{monday:%Y-%m-%d}")
    page.get_by_label("시작 시각").select_option("14")
    page.get_by_label("이용 시간").select_option("2")
    page.get_by_label("이용 인원").fill("4")
    page.get_by_role("button", name="예약", exact=True).click()
    page.wait_for_url("**/portal/bookings/")
    assert "14:00~16:00 예약을 마쳤습니다" in page.content()
    assert page.locator("#my-bookings tbody tr").count() == 1  # one booking of two hours: one row

    page.get_by_role("link", name="프로그램 신청", exact=True).click()
    page.get_by_role("button", name="모의면접 1회차 신청").click()
    page.wait_for_url("**/portal/registrations/")
    assert "모의면접 1회차에 신청했습니다" in page.content()
    assert Registration.objects.filter(session=made["session"]).count() == 1

    other = browser.new_context(base_url=live_server.url, locale="ko-KR").new_page()
    browser_log_in(other, "t_citizen2")
    other.wait_for_url("**/")
    other.goto(f"/portal/rooms/YJC-S01/?day={monday:%Y-%m-%d}")
    assert other.locator("#slot-table").get_by_text("예약됨").count() == 2
    other.locator("#id_day").fill(f"{monday:%Y-%m-%d}")
    other.get_by_label("시작 시각").select_option("15")
    other.get_by_role("button", name="예약", exact=True).click()
    assert "이미 예약이 있습니다" in other.content()
    assert Booking.objects.filter(room=made["study"], day=monday, status="booked").count() == 2
    other.context.close()

    advisor = browser.new_context(base_url=live_server.url, locale="ko-KR").new_page()
    browser_log_in(advisor, "t_staff")
    advisor.wait_for_url("**/")
    today = timezone.localdate()
    figures = f"/frontline/?year={today.year}&as_of={today:%Y-%m-%d}"
    advisor.goto(figures)
    assert advisor.locator("#fig-employed").inner_text() == "0명"
    advisor.get_by_role("link", name="상담", exact=True).click()
    advisor.get_by_role("link", name="상담 기록").click()
    advisor.locator("#id_service_point").select_option("YJC")
    advisor.get_by_label("방법").select_option("visit")
    advisor.get_by_label("주제").select_option("JOB-SEARCH")
    advisor.get_by_label("익명 상담자 호칭").fill("익명-9")
    advisor.get_by_label("상담 내용(창구 내부)").fill("면접 합격, 다음 주 출근")
    advisor.locator("#id_outcome").select_option("employed")
    advisor.get_by_label("취업처").fill("(주)서울강소")
    advisor.get_by_label("취업일").fill(f"{today:%Y-%m-%d}")
    advisor.get_by_role("button", name="저장").click()
    assert "상담을 기록했습니다" in advisor.content()
    assert "면접 합격, 다음 주 출근" in advisor.locator("#notes").inner_text()
    assert Consultation.objects.get().outcome == "employed"
    advisor.goto(figures)
    assert advisor.locator("#fig-employed").inner_text() == "1명"
    assert advisor.locator("#fig-counselled").inner_text() == "1명"
    advisor.context.close()


def test_the_centres_staff_add_a_room_and_a_session_and_a_citizen_can_book_and_register(
    transactional_db, personas, page, browser, live_server
):
    make_frontline()
    tuesday = next_weekday(1)

    browser_log_in(page, "t_staff")
    page.wait_for_url("**/")
    page.goto("/frontline/programmes/")
    page.get_by_role("link", name="기본 자료", exact=True).click()
    page.get_by_role("link", name="공간 등록", exact=True).click()
    page.locator("#id_code").fill("YJC-S02")
    page.locator("#id_service_point").select_option("YJC")
    page.locator("#id_name").fill("스터디룸 2")
    page.get_by_label("정원(명)").fill("0")
    page.get_by_role("button", name="저장", exact=True).click()
    assert "/frontline/setup/rooms/new/" in page.url
    assert not Room.objects.filter(code="YJC-S02").exists()
    page.get_by_label("정원(명)").fill("6")
    page.get_by_role("button", name="저장", exact=True).click()
    page.wait_for_url("**/frontline/setup/")
    assert "공간 스터디룸 2를 저장했습니다." in page.content()

    page.goto("/frontline/programmes/YJC-MOCK/")
    page.get_by_role("link", name="회차 추가", exact=True).click()
    page.locator("#id_title").fill("2회차")
    page.locator("#id_day").fill(f"{tuesday:%Y-%m-%d}")
    page.get_by_label("시작 시각").select_option("22")
    page.get_by_label("정원(명)").fill("10")
    page.get_by_role("button", name="저장", exact=True).click()
    assert "시작 시각이 청년일자리센터의 운영시간(9~21시) 밖입니다." in page.content()
    page.get_by_label("시작 시각").select_option("15")
    page.get_by_role("button", name="저장", exact=True).click()
    page.wait_for_url("**/frontline/programmes/YJC-MOCK/")
    assert "2회차" in page.content()

    citizen = browser.new_context(base_url=live_server.url, locale="ko-KR").new_page()
    browser_log_in(citizen, "t_citizen")
    citizen.wait_for_url("**/")
    citizen.goto("/portal/rooms/")
    assert "스터디룸 2" in citizen.content()
    citizen.goto("/portal/programmes/")
    citizen.get_by_role("button", name="모의면접 2회차 신청").click()
    citizen.wait_for_url("**/portal/registrations/")
    assert Registration.objects.filter(session__title="2회차").count() == 1
    citizen.context.close()
