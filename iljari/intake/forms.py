"""Forms of intake's pages. They parse: the rules of a call (codes, periods, quotas, rule parameters) are checked by
services.call_set, whose Korean messages the call's page shows beside each section (CallPageForms); an application's
documents, consents and eligibility by the application services.

- the call's page: CallForm with the quota, rule, priority and criterion formsets (CallPageForms);
- the office's steps on a call: ScoreForm, SeedForm, PassingForm, PaperApplicationForm;
- the portal: ApplyForm (a citizen's), OrgApplyForm (an organisation's), one file field per required document."""

from __future__ import annotations

from django import forms
from django.conf import settings

from iljari.core.forms import DateInput, KrdsFormMixin
from iljari.enterprises.models import Certification
from iljari.intake.models import Call, EligibilityRule, PriorityRule, Quota, ReviewScore
from iljari.intake.services import ORG_PLEDGE, size_text
from iljari.org.models import District
from iljari.people.forms import ConsentFields, PersonDetailsForm, PersonRegisterForm
from iljari.performance.models import TargetGroup


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
    target_group = forms.ChoiceField(
        label="모집 대상",
        choices=[("", "(정하지 않음)"), *TargetGroup.choices],
        required=False,
        help_text="공개 모집공고 목록에서 시민이 대상으로 찾습니다. 기업·단체 공모는 비워 둡니다.",
    )
    contact = forms.CharField(
        label="문의처",
        max_length=200,
        required=False,
        help_text="공고를 보는 시민·기업이 물어볼 곳(예: 일자리정책과 청년일자리팀 02-2133-5000)",
    )
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
            "target_group": call.target_group,
            "contact": call.contact,
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


SECTIONS = ("quotas", "eligibility", "priorities", "criteria")  # the call's sections whose errors show beside them
EMPTY_CALL = {"form": {}, "quotas": [], "rules": [], "priorities": [], "criteria": []}  # a new call's initial data


class CallPageForms:
    """The call's page as one form for core.http.service_step: the call's form and its four formsets, valid when
    all are. A service error on a section (SECTIONS) is shown beside that section, any other on the call's form."""

    def __init__(self, data, *, call, programmes):
        initial = call_initial(call) if call is not None else EMPTY_CALL
        self.form = CallForm(data, programmes=programmes, editing=call is not None, initial=initial["form"])
        self.quotas = QuotaFormSet(data, prefix="quota", initial=initial["quotas"])
        self.rules = RuleFormSet(data, prefix="rule", initial=initial["rules"])
        self.priorities = PriorityFormSet(data, prefix="priority", initial=initial["priorities"])
        self.criteria = CriterionFormSet(data, prefix="criterion", initial=initial["criteria"])
        self.formsets = (self.quotas, self.rules, self.priorities, self.criteria)
        self.sections: dict[str, list[str]] = {}
        self.fields = {**self.form.fields, **dict.fromkeys(SECTIONS)}  # where core.http.form_apply_error may write

    def is_valid(self) -> bool:
        return all(f.is_valid() for f in (self.form, *self.formsets))

    @property
    def cleaned_data(self) -> dict:
        """The call's fields, and each section's rows (blank rows left out) as services.call_set takes them."""
        rows = {
            "quotas": self.quotas,
            "eligibility": self.rules,
            "priorities": self.priorities,
            "criteria": self.criteria,
        }
        return {
            **self.form.cleaned_data,
            **{key: [row for row in (f.row() for f in formset) if row] for key, formset in rows.items()},
        }

    def add_error(self, field, message) -> None:
        if field in SECTIONS:
            self.sections.setdefault(field, []).append(message)
        else:
            self.form.add_error(field, message)

    @property
    def errors(self) -> bool:
        return bool(self.form.errors or self.sections or any(f.errors for fs in self.formsets for f in fs))

    def context(self) -> dict:
        return {
            "form": self.form,
            "quotas": self.quotas,
            "rules": self.rules,
            "priorities": self.priorities,
            "criteria": self.criteria,
            "sections": self.sections,
        }


class ScoreForm(KrdsFormMixin, forms.Form):
    stage = forms.ChoiceField(label="단계", choices=ReviewScore.Stage.choices)
    score = forms.DecimalField(label="점수", min_value=0, max_value=100, decimal_places=2)


class SeedForm(KrdsFormMixin, forms.Form):
    seed = forms.IntegerField(label="추첨 기준값(비우면 새로 뽑음)", required=False, min_value=0, max_value=2**62)


class PassingForm(forms.Form):
    passing = forms.IntegerField(min_value=1)


PAPER_RRN_HINT = "등록된 사람이면 주민등록번호만으로 찾습니다. 처음이면 아래 인적사항과 동의를 함께 입력하십시오."


class PaperApplicationForm(PersonRegisterForm):
    """A paper application: the resident number finds a registered person; the other particulars are needed only
    for someone registered for the first time."""

    quota = forms.ModelChoiceField(label="선발 구분", queryset=None, empty_label=None)

    field_order = ["quota", "rrn", "name", "birth_date", "sex"]

    def __init__(self, *args, quotas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quota"].queryset = Quota.objects.filter(pk__in=[quota.pk for quota in quotas])
        for name in ("name", "birth_date", "sex", "income_status"):
            self.fields[name].required = False
        self.fields["sex"].choices = [("", "(고르십시오)"), *self.fields["sex"].choices]
        self.fields["income_status"].initial = "unknown"
        self.fields["rrn"].help_text = PAPER_RRN_HINT

    def person_details(self) -> dict:
        data = self.cleaned_data
        details = {key: data[key] for key in PersonDetailsForm.base_fields}
        details["income_status"] = details["income_status"] or "unknown"
        return {"name": data["name"], "birth_date": data["birth_date"], "sex": data["sex"], **details}


# --- the portal: an application's documents -----------------------------------------------------------------

ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"


class DocumentFieldsMixin:
    """One file field per required document of the call (each optional here: the service says what is still
    missing when the application is submitted)."""

    def add_document_fields(self, call, uploaded) -> None:
        self.document_fields = []
        limit = size_text(settings.ILJARI_UPLOAD_MAX_BYTES)
        for index, label in enumerate(call.document_lines):
            name = f"document_{index}"
            hint = f"PDF, JPG, PNG 파일 {limit}까지."
            if label in uploaded:
                hint += " 이미 올렸습니다. 새 파일을 고르면 바꿉니다."
            self.fields[name] = forms.FileField(
                label=label, required=False, help_text=hint, widget=forms.FileInput(attrs={"accept": ACCEPT})
            )
            self.document_fields.append((name, label))

    def documents(self) -> dict:
        return {label: self.cleaned_data[name] for name, label in self.document_fields if self.cleaned_data.get(name)}


class ApplyForm(DocumentFieldsMixin, KrdsFormMixin, ConsentFields):
    """The quota, one file field per required document, and the two consents the submission records."""

    quota = forms.ModelChoiceField(label="선발 구분", queryset=None, empty_label=None)

    def __init__(self, *args, call, uploaded=(), consenting: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quota"].queryset = call.quotas.all()
        self.add_document_fields(call, uploaded)
        self.consenting = consenting
        if not consenting:  # changing a submitted application: its consents were recorded with it
            for name in ConsentFields.base_fields:
                del self.fields[name]

    def entry_fields(self) -> list:
        """The fields shown above the consent notice (the consents come with their notice)."""
        return [self[name] for name in self.fields if name not in ConsentFields.base_fields]


ORG_PLEDGE_LABEL = (
    "공고의 신청 자격과 유의사항을 확인했으며, 제출한 내용이 사실과 다르면 선정이 취소될 수 있음에 동의합니다"
)


class OrgApplyForm(DocumentFieldsMixin, KrdsFormMixin, forms.Form):
    """An organisation's application: the quota when the call has more than one, one file field per required
    document (사업자등록증, 사업계획서, …), and the pledge to 신청 (not asked again when changing it)."""

    quota = forms.ModelChoiceField(label="신청 구분", queryset=None, empty_label=None, required=False)
    pledge = forms.BooleanField(label=ORG_PLEDGE_LABEL, required=False)

    def __init__(self, *args, call, uploaded=(), pledging: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        quotas = call.quotas.all()
        if len(quotas) > 1:
            self.fields["quota"].queryset = quotas
            self.fields["quota"].required = True
        else:
            del self.fields["quota"]
        self.add_document_fields(call, uploaded)
        self.pledging = pledging
        if not pledging:
            del self.fields["pledge"]

    def consents(self) -> list[str]:
        """The pledge as the submission takes it (services.ORG_PLEDGE); the service says when it is missing."""
        return [ORG_PLEDGE] if self.cleaned_data.get("pledge") else []

    def entry_fields(self) -> list:
        return [self[name] for name in self.fields if name != "pledge"]


class PublicCallFilterForm(KrdsFormMixin, forms.Form):
    """The public call list's filters (GET): programme, target group, district, status. A call for organisations
    has no target group and no district quota: those two are left out of its list."""

    programme = forms.ChoiceField(label="사업", required=False)
    target = forms.ChoiceField(label="모집 대상", required=False)
    district = forms.ChoiceField(label="자치구", required=False)
    status = forms.ChoiceField(label="접수 상태", required=False)

    def __init__(self, *args, choices: dict, people: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].choices = [("", "모든 사업"), *choices["programmes"]]
        self.fields["target"].choices = [("", "모든 대상"), *choices["target_groups"]]
        self.fields["district"].choices = [("", "모든 자치구"), *choices["districts"]]
        self.fields["status"].choices = [("", "모든 상태"), *choices["statuses"]]
        if not people:
            del self.fields["target"], self.fields["district"]

    def chosen(self) -> dict:
        """The selector's filters: what was validly chosen (a value not among the choices is dropped)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "programme": data.get("programme", ""),
            "target_group": data.get("target", ""),
            "district": data.get("district", ""),
            "status": data.get("status", ""),
        }
