"""frontline forms: they parse; the rules live in frontline.services."""

from __future__ import annotations

from django import forms

from iljari.core.forms import DateInput, KrdsFormMixin
from iljari.frontline.models import Consultation, Conversion, FixedTermScreening, LabourCheck, Programme, Room


class ConsultationForm(KrdsFormMixin, forms.Form):
    service_point = forms.ChoiceField(label="창구")
    held_on = forms.DateField(label="상담일", widget=DateInput())
    channel = forms.ChoiceField(label="방법", choices=Consultation.Channel.choices)
    service = forms.ChoiceField(
        label="서비스 구분",
        choices=Consultation.Service.choices,
        initial=Consultation.Service.CONSULTATION,
        required=False,
        help_text="경영지원·창업코칭·성장 지원·아카데미 교육 지원은 사회적경제지원센터·협동조합지원센터만",
    )
    topic = forms.ChoiceField(label="주제")
    person = forms.IntegerField(label="등록된 상담자 번호", required=False, min_value=1, help_text="사람 목록의 번호")
    client_label = forms.CharField(label="익명 상담자 호칭", max_length=60, required=False, help_text="예: 익명-1")
    client_birth_year = forms.IntegerField(label="출생연도", required=False, min_value=1900, max_value=2100)
    notes = forms.CharField(label="상담 내용(창구 내부)", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    outcome = forms.ChoiceField(label="결과", choices=Consultation.Outcome.choices, required=False)
    employer = forms.CharField(label="취업처", max_length=120, required=False)
    employed_on = forms.DateField(label="취업일", required=False, widget=DateInput())
    referred_to = forms.CharField(label="연계 기관", max_length=120, required=False)

    def __init__(self, *args, points=(), topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_point"].choices = [(p.code, p.name) for p in points]
        self.fields["topic"].choices = [("", "고르십시오")] + [(t.code, t.name) for t in topics]


class OutcomeForm(KrdsFormMixin, forms.Form):
    outcome = forms.ChoiceField(label="결과", choices=Consultation.Outcome.choices, required=False)
    employer = forms.CharField(label="취업처", max_length=120, required=False)
    employed_on = forms.DateField(label="취업일", required=False, widget=DateInput())
    referred_to = forms.CharField(label="연계 기관", max_length=120, required=False)


class FollowUpForm(KrdsFormMixin, forms.Form):
    due_on = forms.DateField(label="예정일", widget=DateInput())
    note = forms.CharField(label="내용", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class CaseForm(KrdsFormMixin, forms.Form):
    service_point = forms.ChoiceField(label="창구")
    claimant = forms.CharField(label="신청인", max_length=60)
    respondent = forms.CharField(label="상대방(사업주)", max_length=120)
    claim = forms.CharField(label="청구 내용", widget=forms.Textarea(attrs={"rows": 3}))
    claim_amount = forms.IntegerField(label="청구 금액(원)", min_value=0, initial=0)
    opened_on = forms.DateField(label="수임일", widget=DateInput())
    legal_aid_granted = forms.BooleanField(label="법률지원 결정", required=False)

    def __init__(self, *args, points=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_point"].choices = [(p.code, p.name) for p in points]


class CaseStepForm(KrdsFormMixin, forms.Form):
    title = forms.CharField(label="단계", max_length=100)
    on = forms.DateField(label="진행한 날", required=False, widget=DateInput())
    deadline = forms.DateField(label="기한", required=False, widget=DateInput())


class CaseCloseForm(KrdsFormMixin, forms.Form):
    result = forms.ChoiceField(
        label="결과", choices=[("won", "승소·인용"), ("settled", "합의·화해"), ("lost", "패소·기각")]
    )
    closed_on = forms.DateField(label="종결일", widget=DateInput())
    amount_recovered = forms.IntegerField(label="회수 금액(원)", min_value=0, initial=0)


class VisitForm(KrdsFormMixin, forms.Form):
    service_point = forms.ChoiceField(label="창구")
    workplace = forms.CharField(label="사업장", max_length=120, required=False)
    employees = forms.IntegerField(label="상시 근로자 수", min_value=0, initial=0)
    visited_on = forms.DateField(label="방문일", widget=DateInput())
    findings = forms.CharField(label="지적사항", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    findings_resolved = forms.TypedChoiceField(
        label="처음 지적사항 개선(점검 방문)",
        required=False,
        coerce=lambda v: {"1": True, "0": False}.get(v),
        empty_value=None,
        choices=[("", "-"), ("1", "개선"), ("0", "미개선")],
    )

    def __init__(self, *args, points=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_point"].choices = [(p.code, p.name) for p in points]


class DayForm(forms.Form):
    day = forms.DateField(required=False)


class BookingForm(KrdsFormMixin, forms.Form):
    day = forms.DateField(label="날짜", widget=DateInput())
    hour = forms.TypedChoiceField(label="시작 시각", coerce=int, choices=[(h, f"{h:02d}:00") for h in range(0, 24)])
    hours = forms.TypedChoiceField(label="이용 시간", coerce=int, choices=[(h, f"{h}시간") for h in range(1, 5)])
    headcount = forms.IntegerField(label="이용 인원", min_value=1, max_value=999, initial=1)
    purpose = forms.CharField(label="이용 목적", max_length=100, required=False)

    def __init__(self, *args, starts=None, lengths=None, **kwargs):
        """`starts` and `lengths`: the room's start hours and booking lengths (selectors.room_hours)."""
        super().__init__(*args, **kwargs)
        if starts is not None:
            self.fields["hour"].choices = [(h, f"{h:02d}:00") for h in starts]
        if lengths is not None:
            self.fields["hours"].choices = [(h, f"{h}시간") for h in lengths]


class SatisfactionForm(KrdsFormMixin, forms.Form):
    score = forms.TypedChoiceField(label="만족도", coerce=int, choices=[(n, f"{n}점") for n in range(5, 0, -1)])


class ShelterCountForm(KrdsFormMixin, forms.Form):
    day = forms.DateField(label="날짜", widget=DateInput())
    users = forms.IntegerField(label="이용자 수", min_value=0, max_value=100000)


class LabourCheckForm(KrdsFormMixin, forms.Form):
    institution = forms.ChoiceField(label="기관")
    kind = forms.ChoiceField(label="구분", choices=LabourCheck.Kind.choices)
    checked_on = forms.DateField(label="점검일", widget=DateInput())
    compliant = forms.TypedChoiceField(
        label="결과", coerce=lambda v: v == "1", choices=[("1", "적합"), ("0", "부적합")]
    )
    max_weekly_hours = forms.IntegerField(label="최장 주당 노동시간", required=False, min_value=0, max_value=168)
    findings = forms.CharField(label="지적사항", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, institutions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].choices = [(p.code, p.name) for p in institutions]


class ScreeningForm(KrdsFormMixin, forms.Form):
    institution = forms.ChoiceField(label="기관")
    reason = forms.CharField(label="채용 사유", widget=forms.Textarea(attrs={"rows": 2}))
    headcount = forms.IntegerField(label="인원", min_value=0)
    months = forms.IntegerField(label="기간(개월)", min_value=0)
    budget = forms.IntegerField(label="예산(원)", min_value=0)
    requested_on = forms.DateField(label="요청일", widget=DateInput())

    def __init__(self, *args, institutions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].choices = [(p.code, p.name) for p in institutions]


class DecisionForm(KrdsFormMixin, forms.Form):
    decision = forms.ChoiceField(
        label="심사 결과", choices=[c for c in FixedTermScreening.Decision.choices if c[0] != "pending"]
    )
    decided_on = forms.DateField(label="심사일", widget=DateInput())
    approved_headcount = forms.IntegerField(label="인정 인원(조정 시)", required=False, min_value=0)
    committee_note = forms.CharField(label="심사 의견", required=False, max_length=1000)


class ConversionForm(KrdsFormMixin, forms.Form):
    kind = forms.ChoiceField(label="구분", choices=Conversion.Kind.choices)
    institution = forms.ChoiceField(label="기관", required=False)
    institution_label = forms.CharField(label="기관명(목록에 없을 때)", max_length=100, required=False)
    group = forms.CharField(label="대상", max_length=100)
    planned = forms.IntegerField(label="전환 계획", min_value=0)
    done = forms.IntegerField(label="전환 완료", min_value=0, initial=0)
    done_on = forms.DateField(label="전환일", required=False, widget=DateInput())
    agreed_on = forms.DateField(
        label="노사합의일", required=False, widget=DateInput(), help_text="전환하기로 합의하고 아직 전환하지 않았을 때"
    )

    def __init__(self, *args, institutions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].choices = [("", "목록에 없음")] + [(p.code, p.name) for p in institutions]


# --- set-up records (access_frontline_manage) -------------------------------------------------------------------

HOUR_CHOICES = [("", "-")] + [(h, f"{h:02d}:00") for h in range(0, 25)]


def _hour_field(label: str):
    return forms.TypedChoiceField(label=label, required=False, coerce=int, empty_value=None, choices=HOUR_CHOICES)


class PointHoursForm(KrdsFormMixin, forms.Form):
    weekday_opens = _hour_field("평일 여는 시각")
    weekday_closes = _hour_field("평일 닫는 시각")
    saturday_opens = _hour_field("토요일 여는 시각")
    saturday_closes = _hour_field("토요일 닫는 시각")


class RoomForm(KrdsFormMixin, forms.Form):
    code = forms.CharField(label="코드", max_length=32, help_text="영문·숫자·'-' (예: YJC-STUDY-07)")
    service_point = forms.ChoiceField(label="창구")
    name = forms.CharField(label="이름", max_length=60)
    kind = forms.ChoiceField(label="구분", choices=Room.Kind.choices)
    capacity = forms.IntegerField(label="정원(명)", min_value=1, max_value=1000)
    max_hours_per_day = forms.IntegerField(label="1인 1일 최대 이용 시간", min_value=1, max_value=24, initial=3)
    is_active = forms.BooleanField(label="예약 받음", required=False, initial=True)

    def __init__(self, *args, points=(), editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_point"].choices = [(p.code, p.name) for p in points]
        if editing:
            self.fields["code"].disabled = True


class ProgrammeForm(KrdsFormMixin, forms.Form):
    code = forms.CharField(label="코드", max_length=32, help_text="영문·숫자·'-' (예: YJC-CV)")
    title = forms.CharField(label="이름", max_length=120)
    kind = forms.ChoiceField(label="구분", choices=Programme.Kind.choices)
    division = forms.ChoiceField(label="담당 부서")
    service_point = forms.ChoiceField(label="창구", required=False)
    public = forms.BooleanField(label="포털에서 신청 받음", required=False, initial=True)
    sessions_to_complete = forms.IntegerField(label="수료 기준 출석 회차", min_value=1, max_value=100, initial=1)

    def __init__(self, *args, divisions=(), points=(), editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["division"].choices = [(d.code, d.name) for d in divisions]
        self.fields["service_point"].choices = [("", "창구 없음(부서가 운영)")] + [(p.code, p.name) for p in points]
        if editing:
            self.fields["code"].disabled = True


class SessionForm(KrdsFormMixin, forms.Form):
    title = forms.CharField(label="회차", max_length=120, help_text="예: 3회차")
    day = forms.DateField(label="날짜", widget=DateInput())
    starts = forms.TypedChoiceField(label="시작 시각", coerce=int, choices=[(h, f"{h:02d}:00") for h in range(0, 24)])
    capacity = forms.IntegerField(label="정원(명)", min_value=1, max_value=100000)


class ShelterForm(KrdsFormMixin, forms.Form):
    code = forms.CharField(label="코드", max_length=32, help_text="영문·숫자·'-' (예: SEOCHO)")
    name = forms.CharField(label="이름", max_length=60)
    division = forms.ChoiceField(label="담당 부서")
    target_workers = forms.CharField(label="주 이용 대상", max_length=60, help_text="예: 대리기사, 택배기사")
    size_m2 = forms.IntegerField(label="규모(㎡)", min_value=1, max_value=100000)
    staff = forms.IntegerField(label="운영 인력(명)", min_value=0, max_value=1000)
    opens = forms.CharField(label="여는 시각", max_length=5, help_text="시:분 (예: 18:00)")
    closes = forms.CharField(label="닫는 시각", max_length=5, help_text="다음 날 아침에 닫으면 그 시각 (예: 06:00)")
    opened_on = forms.DateField(label="개소일", widget=DateInput())
    note = forms.CharField(label="비고", max_length=200, required=False)

    def __init__(self, *args, divisions=(), editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["division"].choices = [(d.code, d.name) for d in divisions]
        if editing:
            self.fields["code"].disabled = True


class ClosureForm(KrdsFormMixin, forms.Form):
    day = forms.DateField(label="휴관일", widget=DateInput())
    service_point = forms.ChoiceField(label="창구", required=False)
    reason = forms.CharField(label="사유", max_length=60, help_text="예: 추석")

    def __init__(self, *args, points=(), all_points=False, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(p.code, p.name) for p in points]
        self.fields["service_point"].choices = ([("", "모든 창구")] if all_points else []) + choices
        self.fields["service_point"].required = not all_points


class WorkingHoursForm(KrdsFormMixin, forms.Form):
    institution = forms.ChoiceField(label="기관")
    year = forms.IntegerField(label="연도", min_value=2000, max_value=2100)
    hours = forms.IntegerField(label="1인당 연간 노동시간", min_value=1, max_value=8784)

    def __init__(self, *args, institutions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].choices = [(p.code, p.name) for p in institutions]
