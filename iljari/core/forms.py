"""Forms of the core pages. They parse and check the shape of input; rules live in core.services."""

from auditlog.models import LogEntry
from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from iljari.core.accesslog import access_log_subject_choices
from iljari.core.figures import form_field_bound
from iljari.core.models import AccessLogEntry, LoginEvent, User
from iljari.core.roles import Position, Role
from iljari.core.validators import NoControlCharactersValidator


class KrdsFormMixin:
    """Give every widget the KRDS class it needs, every number and date field bounds (`core.figures.form_field_bound`)
    where it declares none, and every text field the control-character rule (no NUL or other control character; tab,
    CR and LF only in a textarea)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            form_field_bound(name, field)
            widget = field.widget
            if isinstance(field, forms.CharField):
                # ours refuses NUL too, in the same words as every other control character
                field.validators[:] = [
                    v for v in field.validators if not isinstance(v, ProhibitNullCharactersValidator)
                ]
                field.validators.append(NoControlCharactersValidator(multi_line=isinstance(widget, forms.Textarea)))
            if isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", "krds-form-select")
            elif isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple):
                widget.attrs.setdefault("class", "krds-checkbox")
            else:
                widget.attrs.setdefault("class", "krds-input")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class LoginForm(KrdsFormMixin, forms.Form):
    username = forms.CharField(
        label=_("아이디"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("비밀번호"), required=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )


class NewPasswordFields(forms.Form):
    """A new password typed twice (a change, a reset by code): the two must agree; the rules are the service's."""

    new_password = forms.CharField(
        label=_("새 비밀번호"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("영문 대문자·소문자·숫자·특수문자 중 2종류 이상 10자 이상, 또는 3종류 이상 8자 이상"),
    )
    new_password_confirm = forms.CharField(
        label=_("새 비밀번호 확인"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self):
        data = super().clean()
        if data.get("new_password") and data.get("new_password") != data.get("new_password_confirm"):
            self.add_error("new_password_confirm", _("새 비밀번호가 서로 다릅니다."))
        return data


class PasswordChangeForm(KrdsFormMixin, NewPasswordFields):
    old_password = forms.CharField(
        label=_("현재 비밀번호"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

    field_order = ["old_password", "new_password", "new_password_confirm"]


class SecondFactorCodeForm(KrdsFormMixin, forms.Form):
    """The second step of a login, and the enrolment's confirmation: a code the authenticator app shows (or, at
    login, a recovery code)."""

    code = forms.CharField(
        label=_("인증 코드"),
        max_length=20,
        required=False,
        help_text=_("인증 앱에 보이는 6자리 숫자. 휴대전화를 잃었다면 복구 코드(예: k7mq-2xwd)를 입력합니다."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True, "spellcheck": "false"}
        ),
    )


def _placement(name: str):
    return User._meta.get_field(name).formfield(required=False)


class UserForm(KrdsFormMixin, forms.Form):
    username = forms.CharField(label=_("아이디"), max_length=150)
    display_name = forms.CharField(label=_("이름"), max_length=60)
    email = forms.EmailField(label=_("전자우편"), required=False)
    phone = forms.CharField(label=_("연락처"), max_length=30, required=False)
    role = forms.ChoiceField(label=_("역할"), choices=Role.choices)
    position = forms.ChoiceField(
        label=_("직위"),
        required=False,
        choices=[("", _("없음")), *Position.choices],
        help_text=_("결재의 전결 규정이 읽습니다(주무관 < 팀장 < 담당관 < 정책관)."),
    )
    org_unit = _placement("org_unit")
    district = _placement("district")
    partner = _placement("partner")
    is_active = forms.BooleanField(label=_("사용"), required=False, initial=True)
    password = forms.CharField(
        label=_("초기 비밀번호"),
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("새 계정에만 씁니다. 사용자는 첫 로그인 때 이 비밀번호를 자신의 비밀번호로 바꾸어야 합니다."),
    )

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            self.fields["username"].disabled = True
            del self.fields["password"]
        else:
            self.fields["password"].required = True
            del self.fields["is_active"]


class HistoryFilterForm(KrdsFormMixin, forms.Form):
    actor = forms.ModelChoiceField(
        label=_("변경한 사람"), queryset=User.objects.order_by("username"), required=False, empty_label="전체"
    )
    model = forms.ChoiceField(label=_("자료 종류"), required=False)
    object_pk = forms.CharField(label=_("자료 번호"), required=False, max_length=64)
    action = forms.TypedChoiceField(
        label=_("구분"),
        choices=[("", "전체"), *LogEntry.Action.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    date_from = forms.DateField(label=_("시작일"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("종료일"), required=False, widget=DateInput())

    def __init__(self, *args, model_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["model"].choices = [("", "전체"), *model_choices]

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("종료일은 시작일보다 빠를 수 없습니다."))
        return data


class ChangeBatchFilterForm(KrdsFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("변경 종류"), required=False)
    actor = forms.ModelChoiceField(
        label=_("변경한 사람"), queryset=User.objects.order_by("username"), required=False, empty_label="전체"
    )
    date_from = forms.DateField(label=_("시작일"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("종료일"), required=False, widget=DateInput())

    def __init__(self, *args, kind_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "전체"), *kind_choices]

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("종료일은 시작일보다 빠를 수 없습니다."))
        return data


class LoginEventFilterForm(KrdsFormMixin, forms.Form):
    username = forms.CharField(label=_("아이디"), required=False, max_length=150)
    outcome = forms.ChoiceField(label=_("결과"), required=False, choices=[("", "전체"), *LoginEvent.Outcome.choices])
    date_from = forms.DateField(label=_("시작일"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("종료일"), required=False, widget=DateInput())


class UserFilterForm(KrdsFormMixin, forms.Form):
    q = forms.CharField(label=_("검색어"), required=False, max_length=100)
    role = forms.ChoiceField(label=_("역할"), required=False, choices=[("", "전체"), *Role.choices])
    state = forms.ChoiceField(
        label=_("상태"),
        required=False,
        choices=[("", "전체"), ("locked", "지금 잠김"), ("must_change", "비밀번호 변경 전"), ("stopped", "사용 중지")],
    )


class AccessLogFilterForm(KrdsFormMixin, forms.Form):
    username = forms.CharField(label=_("아이디"), required=False, max_length=150)
    action = forms.ChoiceField(label=_("행위"), required=False, choices=[("", "전체"), *AccessLogEntry.Action.choices])
    subject_type = forms.ChoiceField(label=_("정보주체 종류"), required=False)
    subject_id = forms.CharField(label=_("정보주체 번호"), required=False, max_length=20)
    date_from = forms.DateField(label=_("시작일"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("종료일"), required=False, widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject_type"].choices = [("", "전체"), *access_log_subject_choices()]


# --- shared by the figure pages: the xlsx upload and the period filter ---------------------------------------

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class UploadForm(KrdsFormMixin, forms.Form):
    file = forms.FileField(label="엑셀 파일(.xlsx)", help_text="내려받은 양식을 고쳐서 올립니다. 5MB까지.")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError("엑셀(.xlsx) 파일만 올릴 수 있습니다.")
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("파일이 5MB보다 큽니다.")
        return upload


class PeriodForm(KrdsFormMixin, forms.Form):
    year = forms.IntegerField(label="연도", min_value=2000, max_value=2100)
    as_of = forms.DateField(label="기준일", widget=DateInput())


# --- account recovery by a one-time code (core/recovery_views.py) -----------------------------------------------

CONTACT_HELP = _("가입할 때 등록한 전자우편 주소나 휴대전화 번호(예: 010-1234-5678)")


class RecoveryContactForm(KrdsFormMixin, forms.Form):
    """아이디 찾기: the registered contact only."""

    destination = forms.CharField(
        label=_("전자우편 주소 또는 휴대전화 번호"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "email"}),
        help_text=CONTACT_HELP,
    )


class RecoveryAccountForm(RecoveryContactForm):
    """비밀번호 재설정, 잠긴 계정 풀기: the user name and its registered contact."""

    username = forms.CharField(
        label=_("아이디"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "username"})
    )

    field_order = ["username", "destination"]


class CodeInput(forms.TextInput):
    """Never renders a value back: a wrong code is not echoed into the page."""

    def format_value(self, value):
        return None


class RecoveryCodeForm(KrdsFormMixin, forms.Form):
    code = forms.CharField(
        label=_("인증번호"),
        max_length=6,
        widget=CodeInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "maxlength": "6"}),
        help_text=_("받은 인증번호 6자리를 입력하십시오."),
    )


class RecoveryPasswordForm(RecoveryCodeForm, NewPasswordFields):
    field_order = ["code", "new_password", "new_password_confirm"]
