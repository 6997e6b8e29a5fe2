"""Forms of the people pages. The resident number field never renders its value back into the page."""

from django import forms

from iljari.core.banks import bank_choices
from iljari.core.forms import DateInput, KrdsFormMixin
from iljari.org.models import District
from iljari.people.models import Person


class PersonDetailsForm(KrdsFormMixin, forms.Form):
    phone = forms.CharField(label="연락처", max_length=30, required=False)
    email = forms.EmailField(label="전자우편", required=False)
    address = forms.CharField(
        label="주소",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
        help_text="도로명주소와 상세주소(예: 서울특별시 중구 세종대로 110, 101호)",
    )
    district = forms.ModelChoiceField(
        label="거주 자치구", queryset=District.objects.all(), required=False, empty_label="(서울 밖)"
    )
    postal_code = forms.CharField(
        label="우편번호",
        max_length=5,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
        help_text="숫자 5자리(선택)",
    )
    income_status = forms.ChoiceField(label="소득 상태", choices=Person.IncomeStatus.choices)
    job_seeker_registered = forms.BooleanField(label="구직등록", required=False)
    basic_livelihood_recipient = forms.BooleanField(label="기초생활수급자", required=False)
    veteran = forms.BooleanField(label="국가유공자", required=False)
    disability = forms.BooleanField(label="장애인", required=False)


class ConsentFields(forms.Form):
    """The two consents every registration and application records (people.Consent), as two check boxes."""

    consent_personal_data = forms.BooleanField(label="개인정보 수집·이용에 동의합니다", required=False)
    consent_unique_identifier = forms.BooleanField(label="고유식별정보(주민등록번호) 처리에 동의합니다", required=False)

    def consents(self) -> list[str]:
        chosen = []
        if self.cleaned_data.get("consent_personal_data"):
            chosen.append("personal_data")
        if self.cleaned_data.get("consent_unique_identifier"):
            chosen.append("unique_identifier")
        return chosen


class PersonRegisterForm(ConsentFields, PersonDetailsForm):
    name = forms.CharField(label="이름", max_length=60)
    birth_date = forms.DateField(label="생년월일", widget=DateInput())
    sex = forms.ChoiceField(label="성별", choices=Person.Sex.choices)
    rrn = forms.CharField(
        label="주민등록번호",
        max_length=14,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off", "inputmode": "numeric"}),
        help_text="숫자 13자리(앞 6자리-뒤 7자리). 암호화하여 저장하고 화면에는 뒷자리를 가립니다.",
    )

    field_order = ["name", "birth_date", "sex", "rrn"]

    def details(self) -> dict:
        return {key: self.cleaned_data[key] for key in PersonDetailsForm.base_fields}


class OwnRegisterForm(ConsentFields, PersonDetailsForm):
    """A citizen's own registration on 내 인적사항: the consents first, then the name and the number; the birth date
    and sex are read from the number (people.rrn), not asked."""

    name = forms.CharField(label="이름", max_length=60, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    rrn = PersonRegisterForm.base_fields["rrn"]

    field_order = ["consent_personal_data", "consent_unique_identifier", "name", "rrn"]

    def details(self) -> dict:
        return {key: self.cleaned_data[key] for key in PersonDetailsForm.base_fields}


class RrnLookupForm(KrdsFormMixin, forms.Form):
    rrn = forms.CharField(
        label="주민등록번호로 찾기",
        max_length=14,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
    )


# --- portal sign-up (people/signup.py) -----------------------------------------------------------------


class SignupStartForm(KrdsFormMixin, forms.Form):
    destination = forms.CharField(
        label="전자우편 주소 또는 휴대전화 번호",
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "email", "autofocus": True}),
        help_text="입력한 곳으로 인증번호 6자리를 보냅니다. 휴대전화 번호는 010-1234-5678처럼 입력하십시오.",
    )


class OneTimeCodeInput(forms.TextInput):
    """Never renders a value back: a wrong code is not echoed into the page."""

    def format_value(self, value):
        return None


class SignupCodeForm(KrdsFormMixin, forms.Form):
    code = forms.CharField(
        label="인증번호",
        max_length=6,
        widget=OneTimeCodeInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True, "maxlength": "6"}
        ),
        help_text="받은 인증번호 6자리를 입력하십시오.",
    )


class SignupConsentForm(KrdsFormMixin, ConsentFields):
    """Sign-up's first step: the two consents, before anything personal is asked."""

    consent_personal_data = forms.BooleanField(label="개인정보 수집·이용에 동의합니다 (필수)", required=False)
    consent_unique_identifier = forms.BooleanField(
        label="고유식별정보(주민등록번호) 처리에 동의합니다 (필수)", required=False
    )


class SignupIdentityForm(KrdsFormMixin, forms.Form):
    """The name and the resident number; the birth date and sex are read from the number (people.rrn), not asked."""

    name = forms.CharField(label="이름", max_length=60, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    rrn = forms.CharField(
        label="주민등록번호",
        max_length=14,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off", "inputmode": "numeric"}),
        help_text=(
            "숫자 13자리(앞 6자리-뒤 7자리). 생년월일과 성별은 이 번호에서 읽습니다. 가입하면 암호화하여 저장합니다."
        ),
    )


OUTSIDE_SEOUL = "outside"


class AddressForm(KrdsFormMixin, forms.Form):
    """The address with its district (the residence rule reads the district): at sign-up and on 내 인적사항."""

    address = forms.CharField(
        label="주소",
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
        help_text="도로명주소와 상세주소(예: 서울특별시 중구 세종대로 110, 101호)",
    )
    district = forms.ChoiceField(label="거주 자치구", help_text="서울시 밖에 살면 '서울시 밖'을 고르십시오.")
    postal_code = forms.CharField(
        label="우편번호",
        max_length=5,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
        help_text="숫자 5자리(선택)",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = [
            ("", "고르십시오"),
            *((str(d.pk), d.name) for d in District.objects.order_by("name")),
            (OUTSIDE_SEOUL, "서울시 밖"),
        ]

    def address_values(self) -> dict:
        """address, district (a District or None for outside Seoul), postal_code."""
        data = self.cleaned_data
        chosen = data.get("district")
        district = None if chosen in (None, "", OUTSIDE_SEOUL) else District.objects.filter(pk=chosen).first()
        return {"address": data.get("address", ""), "district": district, "postal_code": data.get("postal_code", "")}


class SignupAccountForm(AddressForm):
    username = forms.CharField(
        label="아이디",
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
        help_text="영문 소문자로 시작하는 영문 소문자·숫자·._- 4~30자",
    )
    password = forms.CharField(
        label="비밀번호",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="영문 대문자·소문자·숫자·특수문자 중 2종류 이상 10자 이상, 또는 3종류 이상 8자 이상",
    )
    password_confirm = forms.CharField(
        label="비밀번호 확인", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    field_order = ["address", "district", "postal_code", "username", "password", "password_confirm"]

    def clean(self):
        data = super().clean()
        if data.get("password") and data.get("password") != data.get("password_confirm"):
            self.add_error("password_confirm", "비밀번호가 서로 다릅니다.")
        return data


class PayAccountForm(KrdsFormMixin, forms.Form):
    """A 급여 계좌: the service checks the number's length for its bank and flags a holder other than the person."""

    bank_code = forms.ChoiceField(label="은행", choices=[("", "은행을 고르십시오")])
    number = forms.CharField(
        label="계좌번호",
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
        help_text="숫자만, 또는 통장에 적힌 대로 붙임표(-)와 함께. 암호화하여 저장하고 화면에는 가운데를 가립니다.",
    )
    holder = forms.CharField(
        label="예금주", max_length=60, help_text="본인 이름과 다르면 등록은 되고 담당자 확인 표시가 붙습니다."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bank_code"].choices = [("", "은행을 고르십시오"), *bank_choices()]
