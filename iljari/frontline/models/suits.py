"""The 일자리카페's 취업날개 desk: interview suits lent free of charge to young jobseekers. A garment (`SuitItem`)
belongs to one point (a job café or a partner store); a rental (`SuitRental`) books a fitting visit on a day the
point is open, holds its items from that day to the due day (the point's `rental_days`, 3박4일 = 4 days), is
picked up, and is returned (late when after the due day).

No item is in two rentals over overlapping days: the service locks the items' rows (core.locks.row_lock) and looks
for another booked or rented rental of the same item over the days before it writes (docs/frontline.md).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iljari.core.formats import screen_date
from iljari.core.models import TimeStampedModel
from iljari.frontline.models.rooms import ServicePoint


class SuitItem(TimeStampedModel):
    """One garment or accessory of a point's 취업날개 stock."""

    class Kind(models.TextChoices):
        JACKET = "jacket", _("정장 상의")
        TROUSERS = "trousers", _("정장 하의(바지)")
        SKIRT = "skirt", _("정장 하의(치마)")
        SHIRT = "shirt", _("셔츠·블라우스")
        SHOES = "shoes", _("구두")
        TIE = "tie", _("넥타이")
        BELT = "belt", _("벨트")

    class Sex(models.TextChoices):
        MALE = "male", _("남성용")
        FEMALE = "female", _("여성용")
        UNISEX = "unisex", _("공용")

    class State(models.TextChoices):
        AVAILABLE = "available", _("대여 가능")
        RENTED = "rented", _("대여 중")
        REPAIR = "repair", _("수선 중")
        RETIRED = "retired", _("폐기")

    service_point = models.ForeignKey(
        ServicePoint, verbose_name=_("창구"), on_delete=models.PROTECT, related_name="suit_items"
    )
    code = models.CharField(_("물품 번호"), max_length=32, unique=True)
    kind = models.CharField(_("종류"), max_length=16, choices=Kind.choices)
    size = models.CharField(_("치수"), max_length=16)
    sex = models.CharField(_("구분"), max_length=8, choices=Sex.choices, default=Sex.UNISEX)
    colour = models.CharField(_("색상"), max_length=20, blank=True)
    state = models.CharField(_("상태"), max_length=12, choices=State.choices, default=State.AVAILABLE)
    note = models.CharField(_("메모"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("취업날개 대여 물품")
        verbose_name_plural = _("취업날개 대여 물품")
        ordering = ["service_point", "kind", "code"]
        indexes = [models.Index(fields=["service_point", "state"])]

    def __str__(self) -> str:
        return f"{self.code} {self.get_kind_display()} {self.size}"

    def get_absolute_url(self) -> str:
        return reverse("frontline:suit_item_detail", args=[self.code])


class SuitRental(TimeStampedModel):
    """A booking of a fitting visit and the loan of its items until the due day. The borrower is a registered
    person (staff at the desk) or a citizen account (the portal)."""

    class Status(models.TextChoices):
        BOOKED = "booked", _("예약")
        RENTED = "rented", _("대여 중")
        RETURNED = "returned", _("반납")
        CANCELLED = "cancelled", _("취소")

    HOLDING = (Status.BOOKED, Status.RENTED)

    service_point = models.ForeignKey(
        ServicePoint, verbose_name=_("창구"), on_delete=models.PROTECT, related_name="suit_rentals"
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("대여자"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="suit_rentals",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("대여자 계정"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    visit_on = models.DateField(_("방문·대여일"))
    due_on = models.DateField(_("반납 기한"))
    status = models.CharField(_("상태"), max_length=12, choices=Status.choices, default=Status.BOOKED)
    picked_up_on = models.DateField(_("수령일"), null=True, blank=True)
    returned_on = models.DateField(_("반납일"), null=True, blank=True)
    late = models.BooleanField(_("연체 반납"), default=False)
    condition_note = models.CharField(_("반납 상태 메모"), max_length=200, blank=True)
    purpose = models.CharField(_("용도(면접 기업 등)"), max_length=100, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("기록한 사람"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    items = models.ManyToManyField(SuitItem, verbose_name=_("대여 물품"), related_name="rentals", blank=True)
    personal_data_destroyed_at = models.DateTimeField(
        _("개인정보 파기 일시"),
        null=True,
        blank=True,
        help_text=_("보유기간이 지나 대여자 계정, 용도와 반납 메모를 파기한 때"),
    )

    class Meta:
        verbose_name = _("취업날개 대여")
        verbose_name_plural = _("취업날개 대여")
        ordering = ["-visit_on", "-id"]
        constraints = [
            models.CheckConstraint(
                name="suit_rental_has_a_borrower",
                condition=Q(person__isnull=False) | Q(user__isnull=False) | Q(personal_data_destroyed_at__isnull=False),
            ),
            models.CheckConstraint(name="suit_rental_due_after_visit", condition=Q(due_on__gte=F("visit_on"))),
            models.CheckConstraint(
                name="suit_rental_returned_has_date",
                condition=~Q(status="returned") | Q(returned_on__isnull=False),
            ),
            models.CheckConstraint(
                name="suit_rental_returned_after_visit",
                condition=Q(returned_on__isnull=True) | Q(returned_on__gte=F("visit_on")),
            ),
        ]
        indexes = [
            models.Index(fields=["service_point", "status", "due_on"]),
            models.Index(fields=["person", "visit_on"]),
            models.Index(fields=["user", "visit_on"]),
        ]

    def __str__(self) -> str:
        return f"{screen_date(self.visit_on)} 취업날개 대여"

    def get_absolute_url(self) -> str:
        return reverse("frontline:suit_rental_detail", args=[self.pk])

    @property
    def borrower_name(self) -> str:
        if self.person_id:
            return self.person.name
        return self.user.name if self.user_id else "(파기)"
