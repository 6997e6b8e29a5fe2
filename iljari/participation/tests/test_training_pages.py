"""The training pages through HTTP: the figures, the partner's scope, a course month's attendance in one form
(errors by row, nothing saved), the xlsx round trip, a trainee's page (masked, access-logged) with the deposit,
completion and dropout, enrolling a call's selection, and the citizen's own training on the portal."""

import io
from datetime import date

from openpyxl import load_workbook

from iljari.core.models import AccessLogEntry
from iljari.core.roles import Role
from iljari.intake import services as intake
from iljari.intake.tests.factories import close_call
from iljari.participation import training_services as services
from iljari.participation.models import AttendanceMonth, Enrolment, TrainingDeposit
from iljari.participation.tests.factories import make_trainee
from iljari.people.tests.factories import make_person


def test_the_figures_page_lists_the_institutes_with_their_figures(training, client_as):
    make_trainee(training["short"])
    make_trainee(training["other"])
    page = client_as(Role.DIVISION_STAFF).get("/participation/training/?year=2018&as_of=2018-06-30")
    assert page.status_code == 200
    html = page.content.decode()
    assert "동부기술교육원" in html and "중부기술교육원" in html and "18.6.30. 기준" in html
    assert '<th scope="colgroup" colspan="2">환급</th>' in html and "<caption>" in html


def test_a_partner_agency_sees_only_its_own_institute(training, client_as):
    theirs = make_trainee(training["other"])  # 중부, TTI-CENTRAL
    client = client_as(Role.PARTNER_AGENCY)  # TTI-EAST
    html = client.get("/participation/training/?year=2018&as_of=2018-06-30").content.decode()
    assert "동부기술교육원" in html and "중부기술교육원" not in html
    assert client.get("/participation/training/EAST/").status_code == 200
    assert client.get("/participation/training/CENTRAL/").status_code == 404
    assert client.get("/participation/training/courses/C-DAY/").status_code == 404
    assert client.get(f"/participation/training/enrolments/{theirs.pk}/").status_code == 404
    response = client.post("/participation/training/courses/C-DAY/attendance/?month=2018-05", {})
    assert response.status_code == 404


def test_the_month_form_saves_every_trainee_or_shows_the_errors_by_row(training, client_as):
    first, second = make_trainee(training["short"]), make_trainee(training["short"])
    client = client_as(Role.PARTNER_AGENCY)
    url = "/participation/training/courses/E-SHORT/attendance/?month=2018-05"
    page = client.get("/participation/training/courses/E-SHORT/?month=2018-05").content.decode()
    assert f'name="attended_{first.pk}"' in page and f'name="attended_{second.pk}"' in page
    bad = client.post(url, {f"attended_{first.pk}": "20", f"attended_{second.pk}": "21"})
    assert bad.status_code == 400
    html = bad.content.decode()
    assert "1명의 출석에 고칠 곳이 있어 아무것도 저장하지 않았습니다" in html
    assert f'id="id_attended_{second.pk}_error">5월 소정 훈련일은 20일입니다' in html
    assert f'id="id_attended_{first.pk}_error"' not in html
    assert not AttendanceMonth.objects.exists()
    good = client.post(url, {f"attended_{first.pk}": "20", f"attended_{second.pk}": "18"})
    assert good.status_code == 302 and good["Location"] == "/participation/training/courses/E-SHORT/?month=2018-05"
    assert sorted(AttendanceMonth.objects.values_list("attended_days", flat=True)) == [18, 20]
    shown = client.get("/participation/training/courses/E-SHORT/?month=2018-05").content.decode()
    assert f'name="attended_{second.pk}" value="18"' in shown


def test_a_negative_or_non_numeric_value_is_refused_by_the_form(training, client_as):
    trainee = make_trainee(training["short"])
    response = client_as(Role.PARTNER_AGENCY).post(
        "/participation/training/courses/E-SHORT/attendance/?month=2018-05", {f"attended_{trainee.pk}": "-1"}
    )
    assert response.status_code == 400 and not AttendanceMonth.objects.exists()


def test_the_auditor_reads_a_course_but_cannot_record(training, client_as):
    trainee = make_trainee(training["short"])
    client = client_as(Role.AUDITOR)
    page = client.get("/participation/training/courses/E-SHORT/?month=2018-05").content.decode()
    assert trainee.person.name in page and 'name="attended_' not in page
    response = client.post(
        "/participation/training/courses/E-SHORT/attendance/?month=2018-05", {f"attended_{trainee.pk}": "5"}
    )
    assert response.status_code == 403
    assert client.post(f"/participation/training/enrolments/{trainee.pk}/complete/", {}).status_code == 403


def test_the_course_and_trainee_pages_are_access_logged_and_show_only_the_masked_number(training, client_as):
    trainee = make_trainee(training["short"])
    client = client_as(Role.DIVISION_STAFF)
    client.get("/participation/training/courses/E-SHORT/?month=2018-05")
    entry = AccessLogEntry.objects.latest("pk")
    assert (entry.action, entry.subject_ids) == ("view", str(trainee.person_id)) and "E-SHORT" in entry.detail
    html = client.get(f"/participation/training/enrolments/{trainee.pk}/").content.decode()
    assert trainee.person.rrn_masked in html and trainee.person.rrn not in html
    entry = AccessLogEntry.objects.latest("pk")
    assert entry.subject_ids == str(trainee.person_id) and f"훈련생 #{trainee.pk}" in entry.detail


def test_the_attendance_sheet_round_trip_through_the_pages(training, client_as):
    trainee = make_trainee(training["short"])
    client = client_as(Role.PARTNER_AGENCY)
    sheet = client.post(
        "/participation/training/courses/E-SHORT/attendance.xlsx?month=2018-05",
        {"purpose": "work_record", "reason": "5월 출석 입력"},
    )
    assert sheet.status_code == 200
    assert AccessLogEntry.objects.latest("pk").action == "download"
    workbook = load_workbook(io.BytesIO(sheet.content))
    workbook.active.cell(row=4, column=4, value=30)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "attendance.xlsx"
    url = "/participation/training/courses/E-SHORT/attendance/upload/?month=2018-05"
    bad = client.post(url, {"file": buffer})
    assert bad.status_code == 400 and "4행: 5월 소정 훈련일은 20일입니다" in bad.content.decode()
    workbook.active.cell(row=4, column=4, value=19)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "attendance.xlsx"
    assert client.post(url, {"file": buffer}).status_code == 302
    assert AttendanceMonth.objects.get(enrolment=trainee).attended_days == 19


def test_a_trainee_pays_completes_and_gets_the_deposit_back_through_the_page(training, client_as):
    trainee = make_trainee(training["short"])
    client = client_as(Role.PARTNER_AGENCY)
    base = f"/participation/training/enrolments/{trainee.pk}/"
    assert "미납" in client.get(base).content.decode()
    assert client.post(base + "deposit/", {"paid_on": "2018-05-02"}).status_code == 302
    services.attendance_set(actor=None, enrolment=trainee, month=date(2018, 5, 1), attended_days=12)
    low = client.post(base + "complete/", {"ended_on": "2018-05-31"})
    assert (
        low.status_code == 400 and "출석률이 60.0%(소정 20일 중 12일)로 수료 기준 80%에 못 미쳐" in low.content.decode()
    )
    services.attendance_set(actor=None, enrolment=trainee, month=date(2018, 5, 1), attended_days=17)
    assert client.post(base + "complete/", {"ended_on": "2018-05-31"}).status_code == 302
    html = client.get(base).content.decode()
    assert "수료" in html and "200,000원 · 환급" in html
    assert "수료 처리</button>" not in html  # nothing more to do


def test_a_dropout_through_the_page_needs_a_reason(training, client_as):
    trainee = make_trainee(training["day"])
    client = client_as(Role.DIVISION_STAFF)
    url = f"/participation/training/enrolments/{trainee.pk}/drop/"
    assert client.post(url, {"ended_on": "2018-04-30"}).status_code == 400
    assert client.post(url, {"ended_on": "2018-04-30", "reason": "employed"}).status_code == 302
    assert Enrolment.objects.get(pk=trainee.pk).get_dropout_reason_display() == "조기취업"


def test_division_staff_enrol_a_calls_selected_applicants_from_the_page(training, client_as):
    call = training["call"]
    quota = call.quotas.get(code="E-SHORT")
    for _ in range(2):
        intake.application_submit(actor=None, call=call, person=make_person(), quota=quota)
    close_call(call)
    intake.selection_run(actor=None, call=call, seed=3)
    intake.selection_confirm(actor=None, call=call)  # 선발 확정 before placing
    client = client_as(Role.DIVISION_STAFF)
    figures = client.get("/participation/training/?year=2018").content.decode()
    assert "입교를 기다리는 선발자" in figures and "TR-TEST/enrol/" in figures
    page = client.get("/participation/training/calls/TR-TEST/enrol/")
    assert page.status_code == 200 and "선발자 2명 등록" in page.content.decode()
    assert client_as(Role.PARTNER_AGENCY).post("/participation/training/calls/TR-TEST/enrol/").status_code == 403
    response = client.post("/participation/training/calls/TR-TEST/enrol/")
    assert response.status_code == 302
    assert Enrolment.objects.filter(course=training["short"]).count() == 2
    assert TrainingDeposit.objects.filter(status="due").count() == 2


def test_a_citizen_sees_own_training_and_deposit_on_the_portal(training, client_as, personas):
    person = make_person()
    person.user = personas[Role.CITIZEN]
    person.save(update_fields=["user"])
    mine = make_trainee(training["short"], person=person)
    make_trainee(training["other"])
    services.deposit_pay(actor=None, enrolment=mine, paid_on=date(2018, 5, 2))
    services.attendance_set(actor=None, enrolment=mine, month=date(2018, 5, 1), attended_days=19)
    html = client_as(Role.CITIZEN).get("/portal/placements/").content.decode()
    assert "내 일자리" in html and "배치된 일자리가 없습니다" in html  # the page's own content stays
    assert "제과제빵 단기과정" in html and "용접과" not in html
    assert "200,000원 예치" in html and "95.0%" in html
    assert client_as(Role.CITIZEN).get(f"/participation/training/enrolments/{mine.pk}/").status_code == 403


def test_the_navigation_marks_the_training_entry_on_training_pages(training, client_as):
    html = client_as(Role.PARTNER_AGENCY).get("/participation/training/EAST/").content.decode()
    assert 'aria-current="page" class="is-current">기술교육원</a>' in html
    assert 'aria-current="page" class="is-current">참여 관리</a>' not in html
    assert "기술교육원</a>" not in client_as(Role.DISTRICT_OFFICER).get("/").content.decode()
