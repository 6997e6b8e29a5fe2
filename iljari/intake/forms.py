"""Forms of the office's call pages. They parse; the rules of a call (codes, periods, quotas, rule parameters) are
checked by services.call_set, whose Korean messages the page shows beside each section."""

from __future__ import annotations

from django import forms

from iljari.core.forms import DateInput, KrdsFormMixin
from iljari.enterprises.models import Certification
from iljari.intake.models import Call, EligibilityRule, PriorityRule
from iljari.org.models import District


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class CallForm(KrdsFormMixin, forms.Form):
    programme = forms.ModelChoiceField(label="주요업무", queryset=None, empty_label=None)
    code = forms.CharField(
        label="공고 코드",
        max_length=40,
        help_text="영문, 숫자, -, _ 로 적습니다(예: PW-2019-1). 만든 뒤에는 바꿀 수 없습니다.",
    )
    title = forms.CharField(label="공고명", max_length=200)
    description = forms.CharField(label="안내", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    required_documents = forms.CharField(
        label="제출 서류",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="한 줄에 하나씩 적습니다.",
    )
    opens_at = forms.DateTimeField(label="접수 시작", widget=DateTimeLocalInput())
    closes_at = forms.DateTimeField(label="접수 마감", widget=DateTimeLocalInput())
    announce_on = forms.DateField(label="발표일", widget=DateInput())
    has_document_review = forms.BooleanField(label="서면심사를 합니다", required=False, initial=True)
    has_interview = forms.BooleanField(label="면접을 합니다", required=False)
    audience = forms.ChoiceField(
        label="대상",
        choices=Call.Audience.choices,
        initial=Call.Audience.PEOPLE,
        help_text="시민이 신청하는 모집인지, 기업·단체가 신청하는 공모인지 정합니다. 신청이 들어오면 바꿀 수 없습니다.",
    )
    score_aggregation = forms.ChoiceField(
        label="심사 점수 집계", choices=Call.ScoreAggregation.choices, initial=Call.ScoreAggregation.MEAN
    )
    certifies = forms.ChoiceField(
        label="선정 시 지정",
        choices=[("", "(지정하지 않음)"), *Certification.Kind.choices],
        required=False,
        help_text="기업·단체 공모에서 선정을 확정하면 선정 기업에 이 지정을 확정일부터 줍니다(예: 서울형 강소기업).",
    )

    def __init__(self, *args, programmes, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes
        if editing:
            self.fields["code"].disabled = True


class QuotaForm(KrdsFormMixin, forms.Form):
    code = forms.CharField(label="코드", max_length=40, required=False)
    name = forms.CharField(label="구분 이름", max_length=100, required=False)
    places = forms.IntegerField(label="인원", required=False)  # 1 or more: services.call_set says so
    district = forms.ModelChoiceField(
        label="자치구", queryset=District.objects.all(), required=False, empty_label="(시 전체)"
    )

    def row(self):
        data = self.cleaned_data
        if not any(data.get(key) for key in ("code", "name", "places")):
            return None  # a blank row
        return (data.get("code") or "", data.get("name") or "", data.get("places") or 0, data.get("district"))


class RuleForm(KrdsFormMixin, forms.Form):
    kind = forms.ChoiceField(label="조건", choices=[("", "(없음)"), *EligibilityRule.Kind.choices], required=False)
    min_value = forms.IntegerField(label="최소 나이", min_value=0, max_value=150, required=False)
    max_value = forms.IntegerField(label="최대 나이", min_value=0, max_value=150, required=False)
    on_date = forms.DateField(label="기준일·기간 시작", required=False, widget=DateInput())
    until_date = forms.DateField(label="기간 끝", required=False, widget=DateInput())

    def row(self):
        data = self.cleaned_data
        if not data.get("kind"):
            return None
        rule = {"kind": data["kind"]}
        for key in ("min_value", "max_value", "on_date", "until_date"):
            if data.get(key) is not None:
                rule[key] = data[key]
        return rule


class PriorityForm(KrdsFormMixin, forms.Form):
    kind = forms.ChoiceField(label="대상", choices=[("", "(없음)"), *PriorityRule.Kind.choices], required=False)
    points = forms.IntegerField(label="가점", min_value=1, max_value=100, required=False)

    def row(self):
        data = self.cleaned_data
        if not data.get("kind"):
            return None
        return (data["kind"], data.get("points") or 0)


class CriterionForm(KrdsFormMixin, forms.Form):
    code = forms.CharField(label="코드", max_length=40, required=False)
    name = forms.CharField(label="심사 기준", max_length=100, required=False)
    max_points = forms.IntegerField(label="배점", required=False)  # 1 to 100, at most 100 in all: call_set says so

    def row(self):
        data = self.cleaned_data
        if not any(data.get(key) for key in ("code", "name", "max_points")):
            return None
        return (data.get("code") or "", data.get("name") or "", data.get("max_points") or 0)


QuotaFormSet = forms.formset_factory(QuotaForm, extra=3)
CriterionFormSet = forms.formset_factory(CriterionForm, extra=2)
RuleFormSet = forms.formset_factory(RuleForm, extra=2)
PriorityFormSet = forms.formset_factory(PriorityForm, extra=2)


def call_initial(call) -> dict:
    """The forms' initial data for editing a call."""
    return {
        "form": {
            "programme": call.programme_id,
            "code": call.code,
            "title": call.title,
            "description": call.description,
            "required_documents": call.required_documents,
            "opens_at": call.opens_at,
            "closes_at": call.closes_at,
            "announce_on": call.announce_on,
            "has_document_review": call.has_document_review,
            "has_interview": call.has_interview,
            "audience": call.audience,
            "score_aggregation": call.score_aggregation,
            "certifies": call.certifies,
        },
        "criteria": [{"code": c.code, "name": c.name, "max_points": c.max_points} for c in call.criteria.all()],
        "quotas": [
            {"code": q.code, "name": q.name, "places": q.places, "district": q.district_id} for q in call.quotas.all()
        ],
        "rules": [
            {
                "kind": r.kind,
                "min_value": r.min_value,
                "max_value": r.max_value,
                "on_date": r.on_date,
                "until_date": r.until_date,
            }
            for r in call.eligibility_rules.all()
        ],
        "priorities": [{"kind": p.kind, "points": p.points} for p in call.priority_rules.all()],
    }
