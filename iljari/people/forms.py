"""Forms of the people pages. The resident number field never renders its value back into the page."""

from django import forms

from iljari.core.forms import DateInput, KrdsFormMixin
from iljari.org.models import District
from iljari.people.models import Person


class PersonDetailsForm(KrdsFormMixin, forms.Form):
    phone = forms.CharField(label="연락처", max_length=30, required=False)
    email = forms.EmailField(label="전자우편", required=False)
    address = forms.CharField(label="주소", max_length=200, required=False)
    district = forms.ModelChoiceField(
        label="거주 자치구", queryset=District.objects.all(), required=False, empty_label="(서울 밖)"
    )
    income_status = forms.ChoiceField(label="소득 상태", choices=Person.IncomeStatus.choices)
    job_seeker_registered = forms.BooleanField(label="구직등록", required=False)
    basic_livelihood_recipient = forms.BooleanField(label="기초생활수급자", required=False)
    veteran = forms.BooleanField(label="국가유공자", required=False)
    disability = forms.BooleanField(label="장애인", required=False)


class PersonRegisterForm(PersonDetailsForm):
    name = forms.CharField(label="이름", max_length=60)
    birth_date = forms.DateField(label="생년월일", widget=DateInput())
    sex = forms.ChoiceField(label="성별", choices=Person.Sex.choices)
    rrn = forms.CharField(
        label="주민등록번호",
        max_length=14,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off", "inputmode": "numeric"}),
        help_text="숫자 13자리(앞 6자리-뒤 7자리). 암호화하여 저장하고 화면에는 뒷자리를 가립니다.",
    )
    consent_personal_data = forms.BooleanField(label="개인정보 수집·이용에 동의합니다", required=False)
    consent_unique_identifier = forms.BooleanField(label="고유식별정보(주민등록번호) 처리에 동의합니다", required=False)

    field_order = ["name", "birth_date", "sex", "rrn"]

    def consents(self) -> list[str]:
        chosen = []
        if self.cleaned_data.get("consent_personal_data"):
            chosen.append("personal_data")
        if self.cleaned_data.get("consent_unique_identifier"):
            chosen.append("unique_identifier")
        return chosen

    def details(self) -> dict:
        return {key: self.cleaned_data[key] for key in PersonDetailsForm.base_fields}


class PersonSearchForm(KrdsFormMixin, forms.Form):
    name = forms.CharField(label="이름", required=False, max_length=60)


class RrnLookupForm(KrdsFormMixin, forms.Form):
    rrn = forms.CharField(
        label="주민등록번호로 찾기",
        max_length=14,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
    )
