"""Forms of the enterprises pages: shape of input only; the rules live in enterprises.services."""

from django import forms

from iljari.core.forms import DateInput, KrdsFormMixin
from iljari.enterprises.models import (
    Certification,
    Organisation,
    PlatformArticle,
    PlatformReview,
    Purchase,
    SupportRecord,
)
from iljari.enterprises.selectors import CONDITIONS
from iljari.org.models import District


def _districts():
    return District.objects.all()


class OrganisationFilterForm(KrdsFormMixin, forms.Form):
    q = forms.CharField(label="기관명·사업자등록번호", required=False, max_length=100)
    kind = forms.ChoiceField(label="구분", required=False, choices=[("", "전체"), *Organisation.Kind.choices])
    certification = forms.ChoiceField(
        label="인증·지정(오늘 유효)", required=False, choices=[("", "전체"), *Certification.Kind.choices]
    )
    district_code = forms.ChoiceField(label="자치구", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district_code"].choices = [("", "전체"), *((d.code, d.name) for d in _districts())]


class ProfileForm(KrdsFormMixin, forms.Form):
    representative = forms.CharField(label="대표자", max_length=60, required=False)
    address = forms.CharField(label="소재지", max_length=200, required=False)
    phone = forms.CharField(label="대표 전화", max_length=30, required=False)
    website = forms.CharField(label="누리집", max_length=200, required=False)
    employees = forms.IntegerField(label="상시근로자 수", min_value=0, required=False)
    introduction = forms.CharField(label="기업 소개", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    starting_salary = forms.IntegerField(label="신입 초임(연, 원)", min_value=0, required=False)
    weekly_hours = forms.IntegerField(label="주 소정근로시간", min_value=0, required=False)
    flexible_work = forms.BooleanField(label="유연근무제", required=False)
    parental_leave = forms.BooleanField(label="육아휴직 사용·복귀 지원", required=False)
    youth_hiring = forms.BooleanField(label="청년 채용", required=False)

    def clean_employees(self):
        return self.cleaned_data["employees"] or 0


class OrganisationForm(ProfileForm):
    name = forms.CharField(label="기관명", max_length=120)
    kind = forms.ChoiceField(label="구분", choices=Organisation.Kind.choices)
    business_number = forms.CharField(label="사업자등록번호", max_length=20, help_text="예: 124-81-00998")
    corporate_number = forms.CharField(label="법인등록번호", max_length=20, required=False, help_text="13자리(있으면)")
    size = forms.ChoiceField(label="규모", choices=Organisation.Size.choices)
    sector = forms.ChoiceField(label="업종", choices=Organisation.Sector.choices)
    district = forms.ModelChoiceField(label="소재 자치구", queryset=District.objects.all(), required=False)
    founded_on = forms.DateField(label="설립일", required=False, widget=DateInput())

    field_order = ["name", "kind", "business_number", "corporate_number", "size", "sector", "district", "founded_on"]

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            self.fields["business_number"].disabled = True
            self.fields["business_number"].required = False


class CertificationForm(KrdsFormMixin, forms.Form):
    kind = forms.ChoiceField(label="유형", choices=Certification.Kind.choices)
    number = forms.CharField(label="인증·지정 번호", max_length=40, required=False)
    valid_from = forms.DateField(label="유효 시작일", widget=DateInput())
    valid_until = forms.DateField(label="유효 종료일", required=False, widget=DateInput())
    note = forms.CharField(label="비고", max_length=200, required=False)


class ContactForm(KrdsFormMixin, forms.Form):
    username = forms.CharField(label="담당자 계정 아이디", max_length=150, help_text="기업·단체 역할의 계정")


class SupportForm(KrdsFormMixin, forms.Form):
    kind = forms.ChoiceField(label="지원 내용", choices=SupportRecord.Kind.choices)
    year = forms.IntegerField(label="연도", min_value=2000, max_value=2100)
    started_on = forms.DateField(label="지원 시작일", widget=DateInput())
    amount = forms.IntegerField(label="지원액(원)", min_value=0, required=False)
    interns = forms.IntegerField(label="인턴 수", min_value=0, required=False)
    months = forms.IntegerField(label="지원 개월", min_value=0, required=False)
    note = forms.CharField(label="비고", max_length=200, required=False)

    def clean(self):
        data = super().clean()
        for key in ("amount", "interns", "months"):
            data[key] = data.get(key) or 0
        return data


class ArticleForm(KrdsFormMixin, forms.Form):
    title = forms.CharField(label="제목", max_length=200)
    body = forms.CharField(label="본문", widget=forms.Textarea(attrs={"rows": 6}))
    author_name = forms.CharField(label="글쓴이", max_length=60)
    author_kind = forms.ChoiceField(label="글쓴이 구분", choices=PlatformArticle.AuthorKind.choices)
    published_on = forms.DateField(label="게재일", widget=DateInput())


class PlatformFilterForm(KrdsFormMixin, forms.Form):
    q = forms.CharField(label="기업명·소개", required=False, max_length=100)
    district_code = forms.ChoiceField(label="자치구", required=False)
    sector = forms.ChoiceField(label="업종", required=False, choices=[("", "전체"), *Organisation.Sector.choices])
    conditions = forms.MultipleChoiceField(
        label="근무 조건", required=False, choices=list(CONDITIONS.items()), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district_code"].choices = [("", "전체"), *((d.code, d.name) for d in _districts())]


class ReviewForm(KrdsFormMixin, forms.Form):
    relation = forms.ChoiceField(label="관계", choices=PlatformReview.Relation.choices)
    rating = forms.TypedChoiceField(
        label="평점", coerce=int, choices=[(n, f"{n}점") for n in range(5, 0, -1)], empty_value=None
    )
    body = forms.CharField(label="후기", widget=forms.Textarea(attrs={"rows": 4}), max_length=2000)


class ReportForm(KrdsFormMixin, forms.Form):
    reason = forms.CharField(label="신고 사유", max_length=200)


class ModerateForm(KrdsFormMixin, forms.Form):
    decision = forms.ChoiceField(label="결정", choices=[("publish", "게시"), ("reject", "게시 안 함")])
    note = forms.CharField(label="검토 의견", max_length=200, required=False)


class PurchaseForm(KrdsFormMixin, forms.Form):
    buyer = forms.CharField(label="구매기관 사업자등록번호", max_length=20)
    supplier = forms.CharField(label="공급기업 사업자등록번호", max_length=20)
    category = forms.ChoiceField(label="구분", choices=Purchase.Category.choices)
    item = forms.CharField(label="품목", max_length=200)
    amount = forms.IntegerField(label="금액(원)", min_value=1)
    purchased_on = forms.DateField(label="구매일", widget=DateInput())


class OwnPurchaseForm(PurchaseForm):
    """A public body's own entry: the buyer is its own organisation, never typed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["buyer"]


class YearForm(forms.Form):
    year = forms.IntegerField(min_value=2000, max_value=2100)


class AsOfForm(forms.Form):
    as_of = forms.DateField(required=False)
