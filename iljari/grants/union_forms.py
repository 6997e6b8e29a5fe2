"""Forms of the labour unions' pages (노동단체 지원, 근로자 자녀 장학금): shape of input only; the rules live in
grants.services.unions."""

from __future__ import annotations

from django import forms

from iljari.core.figures import BIRTH_DATE, MONEY, OFFICE_DATE, YEAR
from iljari.core.forms import MAX_UPLOAD_BYTES, DateInput, KrdsFormMixin
from iljari.grants.models import ScholarshipRecipient, SubProject


class _Prefixed(KrdsFormMixin, forms.Form):
    """Several forms share a page: each names its fields' ids with its own prefix (the POST names stay the same)."""

    id_prefix = "f"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


class SubProjectForm(_Prefixed):
    id_prefix = "sub"
    title = forms.CharField(label="세부사업명", max_length=200)
    budget = MONEY.form_field(label="사업비(원)", required=False, help_text="알 수 없으면 비워 둡니다.")
    state = forms.ChoiceField(label="상태", choices=SubProject.State.choices, initial=SubProject.State.RUNNING)
    note = forms.CharField(label="비고", max_length=200, required=False)


class TrancheAssignForm(_Prefixed):
    id_prefix = "tranche"
    sub_project = forms.TypedChoiceField(label="세부사업", required=False, coerce=int, empty_value=None)

    def __init__(self, *args, sub_projects=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sub_project"].choices = [("", "협약 전체(배정 안 함)"), *[(s.pk, str(s)) for s in sub_projects]]


class ScholarshipForm(_Prefixed):
    id_prefix = "round"
    sub_project = forms.TypedChoiceField(label="세부사업", coerce=int)
    year = YEAR.form_field(label="연도")
    title = forms.CharField(label="회차명", max_length=100, initial="근로자 자녀 장학금")
    amount_per_student = MONEY.form_field(label="1인 장학금(원)")
    budget = MONEY.form_field(label="예산(원)")

    def __init__(self, *args, sub_projects=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sub_project"].choices = [(s.pk, str(s)) for s in sub_projects]


class RecipientForm(_Prefixed):
    id_prefix = "student"
    name = forms.CharField(label="학생 이름", max_length=60)
    birth_date = BIRTH_DATE.form_field(label="생년월일", widget=DateInput())
    school = forms.CharField(label="학교", max_length=100)
    grade = forms.CharField(label="학년", max_length=20, required=False)
    parent_name = forms.CharField(label="보호자(근로자) 이름", max_length=60)
    parent_workplace = forms.CharField(label="보호자 사업장", max_length=100, required=False)
    amount = MONEY.form_field(label="장학금(원)", required=False, help_text="비우면 회차의 1인 장학금")


class FoundationUploadForm(_Prefixed):
    id_prefix = "foundation"
    file = forms.FileField(
        label="한국장학재단 지원 명단(.xlsx 또는 .csv)",
        help_text="열: 성명, 생년월일, 학교, 지원 내용, 지원액, 지원 기간. 5MB까지.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError("엑셀(.xlsx) 또는 CSV(.csv) 파일만 올릴 수 있습니다.")
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("파일이 5MB보다 큽니다.")
        return upload


class DecisionForm(_Prefixed):
    id_prefix = "decision"
    decision = forms.ChoiceField(
        label="결정",
        choices=[(ScholarshipRecipient.Review.KEPT, "지급 유지"), (ScholarshipRecipient.Review.EXCLUDED, "제외")],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label="결정 사유", max_length=200, widget=forms.Textarea(attrs={"rows": 2}))


class PayForm(_Prefixed):
    id_prefix = "pay"
    paid_on = OFFICE_DATE.form_field(label="지급일", widget=DateInput())


class RecipientFilterForm(KrdsFormMixin, forms.Form):
    state = forms.ChoiceField(label="상태", required=False, choices=[("", "전체"), *ScholarshipRecipient.State.choices])
    review = forms.ChoiceField(
        label="중복 확인",
        required=False,
        choices=[("", "전체"), *[(v, label) for v, label in ScholarshipRecipient.Review.choices if v]],
    )
