"""The office's organisation: the org-unit tree, the 25 districts, and partner institutions."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iljari.core.models import TimeStampedModel

CODE_VALIDATOR_MESSAGE = _("코드는 영문 대문자, 숫자, 하이픈(-)으로 씁니다.")


class OrgUnit(TimeStampedModel):
    """city → office → division → team. `path` (codes joined by '/') makes subtree queries one LIKE."""

    class Kind(models.TextChoices):
        CITY = "city", _("시")
        OFFICE = "office", _("정책관")
        DIVISION = "division", _("담당관")
        TEAM = "team", _("팀")

    code = models.CharField(_("코드"), max_length=32, unique=True)
    name = models.CharField(_("이름"), max_length=100)
    kind = models.CharField(_("구분"), max_length=16, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("상위 조직"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    path = models.CharField(_("경로"), max_length=400, unique=True, editable=False)
    depth = models.PositiveSmallIntegerField(_("깊이"), default=0, editable=False)
    sort_order = models.PositiveIntegerField(_("순서"), default=0)
    functions = models.TextField(_("주요기능"), blank=True, help_text=_("한 줄에 하나씩 적습니다."))
    is_active = models.BooleanField(_("사용"), default=True)
    # What a division runs, for the gates of core.access (which division's staff keep the fund, the SIB):
    # marked on the unit, never found by a hard-coded code or path.
    runs_fund = models.BooleanField(
        _("사회투자기금 운영"), default=False, help_text=_("이 부서의 직원이 사회투자기금을 관리합니다.")
    )
    runs_social_economy = models.BooleanField(
        _("사회적경제 운영"),
        default=False,
        help_text=_("이 부서의 직원이 사회적경제 사업(사회성과보상사업)을 관리합니다."),
    )

    class Meta:
        verbose_name = _("조직")
        verbose_name_plural = _("조직")
        ordering = ["path"]
        constraints = [
            models.CheckConstraint(
                name="orgunit_only_city_is_root", condition=Q(kind="city") | Q(parent__isnull=False)
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("org:unit_detail", args=[self.code])

    @property
    def function_lines(self) -> list[str]:
        return [line.strip() for line in self.functions.splitlines() if line.strip()]


# Which kind of unit may sit under which.
ALLOWED_PARENT_KIND = {
    OrgUnit.Kind.OFFICE: OrgUnit.Kind.CITY,
    OrgUnit.Kind.DIVISION: OrgUnit.Kind.OFFICE,
    OrgUnit.Kind.TEAM: OrgUnit.Kind.DIVISION,
}


class District(TimeStampedModel):
    """One of Seoul's 25 자치구, coded by its administrative (시군구) code."""

    code = models.CharField(_("행정코드"), max_length=5, unique=True)
    name = models.CharField(_("이름"), max_length=20, unique=True)
    sort_order = models.PositiveIntegerField(_("순서"), default=0)

    class Meta:
        verbose_name = _("자치구")
        verbose_name_plural = _("자치구")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("org:district_detail", args=[self.code])


class Partner(TimeStampedModel):
    """An institution that works with the office: a city-invested or -funded body, a trustee running a
    facility on the city's behalf, or an intermediary delivering a programme."""

    class Kind(models.TextChoices):
        PUBLIC_INSTITUTION = "public_institution", _("투자출연기관")
        TRUSTEE = "trustee", _("위탁기관")
        INTERMEDIARY = "intermediary", _("수행기관")

    code = models.CharField(_("코드"), max_length=32, unique=True)
    name = models.CharField(_("기관명"), max_length=120)
    kind = models.CharField(_("구분"), max_length=24, choices=Kind.choices)
    district = models.ForeignKey(
        District,
        verbose_name=_("소재 자치구"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="partners",
    )
    address = models.CharField(_("소재지"), max_length=200, blank=True)
    supervising_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("담당 부서"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="partners",
    )
    entrusted_task = models.CharField(_("위탁·수행 사무"), max_length=200, blank=True)
    entrusted_from = models.DateField(_("위탁 시작일"), null=True, blank=True)
    entrusted_until = models.DateField(_("위탁 종료일"), null=True, blank=True)
    contact = models.CharField(_("연락처"), max_length=100, blank=True)
    note = models.TextField(_("비고"), blank=True)
    is_active = models.BooleanField(_("사용"), default=True)

    class Meta:
        verbose_name = _("협력기관")
        verbose_name_plural = _("협력기관")
        ordering = ["kind", "name"]
        constraints = [
            models.CheckConstraint(
                name="partner_entrusted_period_in_order",
                condition=Q(entrusted_from__isnull=True)
                | Q(entrusted_until__isnull=True)
                | Q(entrusted_until__gte=models.F("entrusted_from")),
            ),
        ]
        indexes = [models.Index(fields=["district", "kind"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("org:partner_detail", args=[self.code])
