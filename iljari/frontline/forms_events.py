"""Forms of the events pages: they parse; the rules live in frontline.services.events."""

from __future__ import annotations

from django import forms

from iljari.core.forms import DateInput, KrdsFormMixin
from iljari.frontline.models import Event, EventDocument, EventEntry, EventGuest, EventTally


class EventForm(KrdsFormMixin, forms.Form):
    code = forms.CharField(label="코드", max_length=32, help_text="영문·숫자·'-' (예: MENTOR-2018)")
    kind = forms.ChoiceField(label="구분", choices=Event.Kind.choices)
    title = forms.CharField(label="행사명", max_length=200)
    division = forms.ChoiceField(label="담당 부서")
    programme = forms.ChoiceField(label="주요업무")
    organisers = forms.CharField(label="주최·주관", max_length=300, required=False, help_text="공동 주최 포함")
    partner = forms.ChoiceField(label="공동 주최 기관", required=False)
    starts_on = forms.DateField(label="시작일", widget=DateInput())
    ends_on = forms.DateField(label="종료일", widget=DateInput())
    place = forms.CharField(label="장소", max_length=200, required=False)
    capacity = forms.IntegerField(label="규모(명)", required=False, min_value=1, max_value=10_000_000)
    state = forms.ChoiceField(label="상태", choices=Event.State.choices)
    counting = forms.ChoiceField(label="참여 인원 집계", choices=Event.Counting.choices)
    sessions = forms.ChoiceField(
        label="회차·신청 프로그램", required=False, help_text="멘토스쿨·포럼처럼 명단으로 받는 행사"
    )
    call = forms.CharField(label="공모 코드", max_length=32, required=False, help_text="공모전·해커톤의 접수·심사·선정")
    note = forms.CharField(label="비고", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, divisions=(), programmes=(), partners=(), sessions=(), editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["division"].choices = [(d.code, d.name) for d in divisions]
        self.fields["programme"].choices = [("", "고르십시오")] + [(p.code, f"{p.code} {p.title}") for p in programmes]
        self.fields["partner"].choices = [("", "없음")] + [(p.code, p.name) for p in partners]
        self.fields["sessions"].choices = [("", "없음")] + [(p.code, p.title) for p in sessions]
        if editing:
            self.fields["code"].disabled = True


class TallyForm(KrdsFormMixin, forms.Form):
    day = forms.DateField(label="날짜", widget=DateInput())
    place = forms.CharField(label="장소", max_length=120)
    count = forms.IntegerField(label="인원(명)", min_value=1, max_value=10_000_000)
    method = forms.ChoiceField(label="집계 방법", choices=EventTally.Method.choices)
    note = forms.CharField(label="비고", max_length=300, required=False)


class CommitteeForm(KrdsFormMixin, forms.Form):
    name = forms.CharField(label="위원회 이름", max_length=120, help_text="예: 조직위원회")
    formed_on = forms.DateField(label="구성일", widget=DateInput())
    members = forms.IntegerField(label="위원 수", required=False, min_value=1, max_value=10_000)
    note = forms.CharField(label="비고", max_length=300, required=False)


class GuestForm(KrdsFormMixin, forms.Form):
    name = forms.CharField(label="이름", max_length=200)
    kind = forms.ChoiceField(label="구분", choices=EventGuest.Kind.choices)
    country = forms.CharField(label="국가", max_length=60, required=False)
    affiliation = forms.CharField(label="도시·기관", max_length=200, required=False)
    invited_on = forms.DateField(label="초청일", required=False, widget=DateInput())
    reply = forms.ChoiceField(label="회신", choices=EventGuest.Reply.choices)


class VisitForm(KrdsFormMixin, forms.Form):
    organisation = forms.IntegerField(label="방문 기업 번호", min_value=1, help_text="기업·단체 목록의 번호")
    visited_on = forms.DateField(label="방문일", widget=DateInput())
    participants = forms.IntegerField(label="참여 청년 수", min_value=0, max_value=10_000, initial=0)
    article = forms.IntegerField(
        label="탐방기사 번호", min_value=1, required=False, help_text="강소기업 플랫폼의 탐방기사"
    )
    note = forms.CharField(label="비고", max_length=300, required=False)


class DocumentForm(KrdsFormMixin, forms.Form):
    kind = forms.ChoiceField(label="구분", choices=EventDocument.Kind.choices)
    title = forms.CharField(label="제목", max_length=200)
    issued_on = forms.DateField(label="발간일", widget=DateInput())
    upload = forms.FileField(label="파일(PDF, JPG, PNG)")


class EntryForm(KrdsFormMixin, forms.Form):
    title = forms.CharField(label="제안사업", max_length=200, help_text="같은 이름을 다시 넣으면 고칩니다")
    proposer = forms.CharField(label="제안자", max_length=200, required=False)
    proposed_on = forms.DateField(label="제안일", widget=DateInput())
    pledged = forms.IntegerField(
        label="모의금액(원)", required=False, min_value=0, max_value=10**13, help_text="펀딩에서 모은 모의금액"
    )
    note = forms.CharField(label="비고", max_length=300, required=False)


class EntryAdvanceForm(KrdsFormMixin, forms.Form):
    stage = forms.ChoiceField(
        label="단계", choices=[c for c in EventEntry.Stage.choices if c[0] != EventEntry.Stage.PROPOSED]
    )
    on = forms.DateField(label="날짜", widget=DateInput())
