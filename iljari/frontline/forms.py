"""frontline forms: they parse; the rules live in frontline.services."""

from __future__ import annotations

from django import forms

from iljari.core.forms import DateInput, KrdsFormMixin
from iljari.frontline.models import Consultation, Conversion, FixedTermScreening, LabourCheck


class ConsultationForm(KrdsFormMixin, forms.Form):
    service_point = forms.ChoiceField(label="창구")
    held_on = forms.DateField(label="상담일", widget=DateInput())
    channel = forms.ChoiceField(label="방법", choices=Consultation.Channel.choices)
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

    def __init__(self, *args, institutions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].choices = [("", "목록에 없음")] + [(p.code, p.name) for p in institutions]
