"""The shelters desk's records: the 休 서울노동자 쉼터 and the users counted each day."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from iljari.core.formats import screen_date
from iljari.core.models import TimeStampedModel


class Shelter(TimeStampedModel):
    """A 休 서울노동자 쉼터 for workers on the move."""

    code = models.CharField(_("코드"), max_length=32, unique=True)
    name = models.CharField(_("이름"), max_length=60)
    target_workers = models.CharField(_("주 이용 대상"), max_length=60)
    size_m2 = models.PositiveIntegerField(_("규모(㎡)"))
    staff = models.PositiveSmallIntegerField(_("운영 인력"))
    opens = models.CharField(_("여는 시각"), max_length=5)
    closes = models.CharField(_("닫는 시각"), max_length=5)
    opened_on = models.DateField(_("개소일"))
    partner = models.ForeignKey(
        "org.Partner", verbose_name=_("운영 기관"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    division = models.ForeignKey("org.OrgUnit", verbose_name=_("담당 부서"), on_delete=models.PROTECT, related_name="+")
    note = models.CharField(_("비고"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("노동자 쉼터")
        verbose_name_plural = _("노동자 쉼터")
        ordering = ["opened_on", "code"]

    def __str__(self) -> str:
        return self.name


class ShelterDailyCount(TimeStampedModel):
    """How many people used a shelter on a day, entered by the shelter's staff."""

    shelter = models.ForeignKey(Shelter, on_delete=models.PROTECT, related_name="counts", verbose_name=_("쉼터"))
    day = models.DateField(_("날짜"))
    users = models.PositiveIntegerField(_("이용자 수"))

    class Meta:
        verbose_name = _("쉼터 일일 이용")
        verbose_name_plural = _("쉼터 일일 이용")
        ordering = ["shelter", "day"]
        constraints = [models.UniqueConstraint(fields=["shelter", "day"], name="shelter_count_once_a_day")]

    def __str__(self) -> str:
        return f"{self.shelter} {screen_date(self.day)} {self.users}명"
