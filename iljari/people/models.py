"""Persons: the people who apply to and take part in the office's programmes, and their consents.

The resident number is encrypted at rest (django-fernet-encrypted-fields, keys from the environment, newest first
for rotation) and found through an HMAC blind index; it is shown only masked (people.rrn)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedCharField

from iljari.core.banks import account_masked, bank_name
from iljari.core.formats import screen_date
from iljari.core.models import TimeStampedModel
from iljari.people.rrn import mask_rrn


class Person(TimeStampedModel):
    class Sex(models.TextChoices):
        MALE = "M", _("남")
        FEMALE = "F", _("여")

    class IncomeStatus(models.TextChoices):
        NO_REGULAR_INCOME = "none", _("정기소득 없음")
        REGULAR_INCOME = "regular", _("정기소득 있음")
        UNKNOWN = "unknown", _("확인 안 됨")

    name = models.CharField(_("이름"), max_length=60)
    birth_date = models.DateField(_("생년월일"))
    sex = models.CharField(_("성별"), max_length=1, choices=Sex.choices)
    rrn = EncryptedCharField(_("주민등록번호"), max_length=14, null=True)  # None once destroyed
    # NULL once destroyed: unique allows many NULLs, never many empty strings
    rrn_index = models.CharField(  # noqa: DJ001
        _("주민등록번호 검색 색인"), max_length=64, unique=True, null=True, editable=False
    )
    phone = models.CharField(_("연락처"), max_length=30, blank=True)
    email = models.EmailField(_("전자우편"), blank=True)
    address = models.CharField(_("주소"), max_length=200, blank=True, help_text=_("도로명주소와 상세주소"))
    postal_code = models.CharField(_("우편번호"), max_length=5, blank=True)
    district = models.ForeignKey(
        "org.District",
        verbose_name=_("거주 자치구"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="residents",
    )
    income_status = models.CharField(
        _("소득 상태"), max_length=8, choices=IncomeStatus.choices, default=IncomeStatus.UNKNOWN
    )
    job_seeker_registered = models.BooleanField(_("구직등록"), default=False)
    basic_livelihood_recipient = models.BooleanField(_("기초생활수급자"), default=False)
    veteran = models.BooleanField(_("국가유공자"), default=False)
    disability = models.BooleanField(_("장애인"), default=False)
    destroyed_at = models.DateTimeField(
        _("파기 일시"), null=True, blank=True, help_text=_("보유기간이 지나 식별 정보를 지우고 익명화한 때")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("계정"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )

    class Meta:
        verbose_name = _("사람")
        verbose_name_plural = _("사람")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["name", "birth_date"])]  # the district has its foreign key's own index

    def __str__(self) -> str:
        return f"{self.name} ({self.rrn_masked})"

    def get_absolute_url(self) -> str:
        return reverse("people:person_detail", args=[self.pk])

    @property
    def rrn_masked(self) -> str:
        return mask_rrn(self.rrn)


class Consent(TimeStampedModel):
    """Consent to collect and use personal data, given with an application or a registration."""

    class Purpose(models.TextChoices):
        PERSONAL_DATA = "personal_data", _("개인정보 수집·이용")
        UNIQUE_IDENTIFIER = "unique_identifier", _("고유식별정보(주민등록번호) 처리")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents", verbose_name=_("사람"))
    purpose = models.CharField(_("항목"), max_length=24, choices=Purpose.choices)
    notice_version = models.CharField(_("고지문 판"), max_length=20)
    context = models.CharField(_("동의한 곳"), max_length=100, help_text=_("예: 등록, 모집공고 신청"))
    given_at = models.DateTimeField(_("동의 일시"))
    withdrawn_at = models.DateTimeField(_("철회 일시"), null=True, blank=True)

    class Meta:
        verbose_name = _("동의")
        verbose_name_plural = _("동의")
        ordering = ["person", "-given_at"]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} {self.notice_version} ({screen_date(self.given_at)})"


class PayAccount(TimeStampedModel):
    """A person's 급여 계좌: the account their pay is transferred to. The number is encrypted like the resident
    number and shown masked (core.banks.account_masked). Never edited: a change closes the current account
    (`replaced_at`) and opens a new one, so the old number stays, encrypted, for tracing a returned transfer. At
    most one current account per person (a conditional unique constraint)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="pay_accounts", verbose_name=_("사람"))
    bank_code = models.CharField(_("은행 코드"), max_length=3, help_text=_("금융결제원 금융기관 코드 (core.banks)"))
    number = EncryptedCharField(_("계좌번호"), max_length=16)
    holder = models.CharField(_("예금주"), max_length=60)
    holder_differs = models.BooleanField(
        _("예금주가 본인과 다름"), default=False, help_text=_("거부하지 않고 표시만 한다: 담당자가 확인한다.")
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("입력한 계정"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    replaced_at = models.DateTimeField(_("바뀐 일시"), null=True, blank=True)

    class Meta:
        verbose_name = _("급여 계좌")
        verbose_name_plural = _("급여 계좌")
        ordering = ["person", "-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=models.Q(replaced_at__isnull=True), name="people_one_current_pay_account"
            )
        ]

    def __str__(self) -> str:
        return f"{self.bank_name} {self.number_masked}"

    @property
    def bank_name(self) -> str:
        return bank_name(self.bank_code)

    @property
    def number_masked(self) -> str:
        return account_masked(self.number)
