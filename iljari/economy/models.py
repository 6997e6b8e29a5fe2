"""The social economy's networks and markets (사회적경제 연대·판로), kept by 사회적경제담당관:

- GSEF (국제사회적경제협의체): its members (`NetworkMember`: a city, an organisation or an international body, with
  the day it joined and, when it did, left), their yearly dues (`MemberDues`) and the policy dialogues, workshops and
  forums the network holds (`PolicyDialogue`, with its participants and cities — expected ones before it is held);
- 공정무역도시: the five criteria of the certification (`FairTradeCriterion`), the evidence that each is met
  (`CriterionEvidence`, a document optional) and the certification itself (`FairTradeCertification`);
- places (`Space`): the 소셜벤처 허브센터, the 사회적경제 활성화 공간 (클러스터), a 특구's base and the districts'
  통합지원센터, with their monthly use (`SpaceUse`), their tenants (`Tenancy`: an enterprises.Organisation in a room
  for a period) and the programmes run there (`SpaceProgramme`);
- markets (`SalesChannel`: 함께누리몰, 덕수궁 장터) and the sales made through them (`ChannelSale`: a channel, an
  organisation, a month, an amount in 원).
"""

from __future__ import annotations

import secrets

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from iljari.core.figures import COUNT, HISTORY_DATE, MONEY, OFFICE_DATE
from iljari.core.formats import screen_month
from iljari.core.models import TimeStampedModel

EVIDENCE_SUFFIXES = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}


def evidence_upload_path(instance, filename: str) -> str:
    """A random name under economy/: nothing of the original file name."""
    token = secrets.token_hex(16)
    return f"economy/{token[:2]}/{token}{EVIDENCE_SUFFIXES.get(instance.document_type, '')}"


# --- GSEF -----------------------------------------------------------------------------------------------------


class NetworkMember(TimeStampedModel):
    class Kind(models.TextChoices):
        CITY = "city", _("도시")
        ORGANISATION = "organisation", _("단체")
        INTERNATIONAL = "international", _("국제기구")
        UNSPECIFIED = "unspecified", _("구분 미상")

    name = models.CharField(_("회원 이름"), max_length=200, unique=True)
    kind = models.CharField(_("구분"), max_length=16, choices=Kind.choices)
    country = models.CharField(_("나라"), max_length=100, blank=True)
    city = models.CharField(_("도시"), max_length=100, blank=True)
    joined_on = models.DateField(_("가입일"), validators=[HISTORY_DATE.validator])
    left_on = models.DateField(_("탈퇴일"), null=True, blank=True)
    note = models.TextField(_("비고"), blank=True)

    class Meta:
        verbose_name = _("GSEF 회원")
        verbose_name_plural = _("GSEF 회원")
        ordering = ["joined_on", "name"]
        constraints = [
            models.CheckConstraint(
                name="economy_member_left_after_joined",
                condition=Q(left_on__isnull=True) | Q(left_on__gte=F("joined_on")),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def state_text(self) -> str:
        return "탈퇴" if self.left_on else "회원"


class MemberDues(TimeStampedModel):
    class Currency(models.TextChoices):
        KRW = "KRW", _("원")
        USD = "USD", _("미국 달러")
        EUR = "EUR", _("유로")

    member = models.ForeignKey(NetworkMember, verbose_name=_("회원"), on_delete=models.PROTECT, related_name="dues")
    year = models.PositiveSmallIntegerField(_("연도"))
    amount = models.BigIntegerField(_("회비"), validators=[MONEY.validator])
    currency = models.CharField(_("통화"), max_length=3, choices=Currency.choices, default=Currency.KRW)
    paid_on = models.DateField(_("납부일"), null=True, blank=True)

    class Meta:
        verbose_name = _("GSEF 회비")
        verbose_name_plural = _("GSEF 회비")
        ordering = ["member", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["member", "year"], name="economy_dues_one_per_year"),
            models.CheckConstraint(name="economy_dues_amount", condition=MONEY.check("amount")),
            models.CheckConstraint(name="economy_dues_year", condition=Q(year__gte=2000, year__lte=2100)),
        ]

    def __str__(self) -> str:
        return f"{self.member} {self.year}년 회비"


class PolicyDialogue(TimeStampedModel):
    class Kind(models.TextChoices):
        DIALOGUE = "dialogue", _("정책대화")
        WORKSHOP = "workshop", _("워크숍")
        FORUM = "forum", _("국제포럼·총회")
        SIDE_EVENT = "side_event", _("부대행사")

    code = models.CharField(_("코드"), max_length=32, unique=True)
    title = models.CharField(_("행사명"), max_length=200)
    kind = models.CharField(_("구분"), max_length=16, choices=Kind.choices, default=Kind.DIALOGUE)
    held_on = models.DateField(_("시작일"), validators=[OFFICE_DATE.validator])
    ends_on = models.DateField(_("종료일"), null=True, blank=True)
    place = models.CharField(_("장소"), max_length=200, blank=True)
    host = models.CharField(_("주최"), max_length=200, blank=True)
    participants = models.PositiveIntegerField(_("참석 인원"), null=True, blank=True, validators=[COUNT.validator])
    cities = models.PositiveIntegerField(_("참석 도시·단체 수"), null=True, blank=True, validators=[COUNT.validator])
    expected = models.BooleanField(_("예상 인원"), default=False, help_text=_("아직 열리지 않아 예상한 수입니다."))
    note = models.TextField(_("비고"), blank=True)

    class Meta:
        verbose_name = _("정책대화·국제행사")
        verbose_name_plural = _("정책대화·국제행사")
        ordering = ["held_on", "code"]
        constraints = [
            models.CheckConstraint(
                name="economy_dialogue_period", condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("held_on"))
            ),
        ]

    def __str__(self) -> str:
        return self.title


# --- 공정무역도시 ---------------------------------------------------------------------------------------------


class FairTradeCriterion(TimeStampedModel):
    number = models.PositiveSmallIntegerField(_("번호"), unique=True)
    title = models.CharField(_("기준"), max_length=200)
    description = models.TextField(_("설명"), blank=True)

    class Meta:
        verbose_name = _("공정무역도시 인증 기준")
        verbose_name_plural = _("공정무역도시 인증 기준")
        ordering = ["number"]
        constraints = [models.CheckConstraint(name="economy_criterion_number", condition=Q(number__gte=1))]

    def __str__(self) -> str:
        return f"기준 {self.number}. {self.title}"


class CriterionEvidence(TimeStampedModel):
    criterion = models.ForeignKey(
        FairTradeCriterion, verbose_name=_("기준"), on_delete=models.PROTECT, related_name="evidence"
    )
    what = models.CharField(_("근거"), max_length=300)
    dated_on = models.DateField(_("날짜"), validators=[OFFICE_DATE.validator])
    document = models.FileField(_("근거 문서"), upload_to=evidence_upload_path, blank=True)
    document_name = models.CharField(_("근거 문서 이름"), max_length=200, blank=True)
    document_type = models.CharField(_("근거 문서 형식"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("인증 기준 근거")
        verbose_name_plural = _("인증 기준 근거")
        ordering = ["criterion__number", "dated_on", "pk"]

    def __str__(self) -> str:
        return self.what


class FairTradeCertification(TimeStampedModel):
    title = models.CharField(_("인증명"), max_length=200)
    certified_on = models.DateField(_("인증일"), validators=[OFFICE_DATE.validator])
    issuer = models.CharField(_("인증 기관"), max_length=200, blank=True)
    note = models.TextField(_("비고"), blank=True)

    class Meta:
        verbose_name = _("공정무역도시 인증")
        verbose_name_plural = _("공정무역도시 인증")
        ordering = ["certified_on", "pk"]

    def __str__(self) -> str:
        return self.title


# --- places ---------------------------------------------------------------------------------------------------


class Space(TimeStampedModel):
    class Kind(models.TextChoices):
        HUB = "hub", _("소셜벤처 허브센터")
        CLUSTER = "cluster", _("사회적경제 활성화 공간(클러스터)")
        ZONE_BASE = "zone_base", _("사회적경제특구 거점")
        CENTRE = "centre", _("자치구 사회적경제 통합지원센터")

    name = models.CharField(_("공간 이름"), max_length=200, unique=True)
    kind = models.CharField(_("구분"), max_length=16, choices=Kind.choices)
    district = models.ForeignKey(
        "org.District", verbose_name=_("자치구"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    opened_on = models.DateField(_("개소일"), null=True, blank=True, validators=[HISTORY_DATE.validator])
    closed_on = models.DateField(_("폐소일"), null=True, blank=True)
    area = models.DecimalField(_("면적(㎡)"), max_digits=9, decimal_places=2, null=True, blank=True)
    operator = models.CharField(_("운영기관"), max_length=200, blank=True)
    note = models.TextField(_("비고"), blank=True)

    class Meta:
        verbose_name = _("사회적경제 공간")
        verbose_name_plural = _("사회적경제 공간")
        ordering = ["kind", "name"]
        constraints = [
            models.CheckConstraint(
                name="economy_space_period",
                condition=Q(closed_on__isnull=True) | (Q(opened_on__isnull=False) & Q(closed_on__gte=F("opened_on"))),
            ),
            models.CheckConstraint(name="economy_space_area", condition=Q(area__isnull=True) | Q(area__gt=0)),
        ]

    def __str__(self) -> str:
        return self.name

    def open_on(self, day) -> bool:
        """Open on `day`: opened by then and not yet closed."""
        if self.opened_on is None or self.opened_on > day:
            return False
        return self.closed_on is None or self.closed_on > day


class SpaceUse(TimeStampedModel):
    class Kind(models.TextChoices):
        WORK = "work", _("업무 공간")
        MEETING = "meeting", _("협업·회의")
        RESIDENTS = "residents", _("주민 공유")
        EDUCATION = "education", _("교육·행사")

    space = models.ForeignKey(Space, verbose_name=_("공간"), on_delete=models.CASCADE, related_name="uses")
    month = models.DateField(_("월"))
    kind = models.CharField(_("이용 구분"), max_length=16, choices=Kind.choices)
    count = models.PositiveIntegerField(_("이용 건수"), validators=[COUNT.validator])

    class Meta:
        verbose_name = _("공간 이용")
        verbose_name_plural = _("공간 이용")
        ordering = ["space", "month", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["space", "month", "kind"], name="economy_space_use_unique"),
            models.CheckConstraint(name="economy_space_use_count", condition=COUNT.check("count")),
        ]

    def __str__(self) -> str:
        return f"{self.space} {screen_month(self.month)} {self.get_kind_display()}"


class Tenancy(TimeStampedModel):
    space = models.ForeignKey(Space, verbose_name=_("공간"), on_delete=models.PROTECT, related_name="tenancies")
    organisation = models.ForeignKey(
        "enterprises.Organisation", verbose_name=_("입주 기업·단체"), on_delete=models.PROTECT, related_name="+"
    )
    room = models.CharField(_("호실"), max_length=100, blank=True)
    starts_on = models.DateField(_("입주일"), validators=[OFFICE_DATE.validator])
    ends_on = models.DateField(_("퇴거일"), null=True, blank=True)

    class Meta:
        verbose_name = _("입주")
        verbose_name_plural = _("입주")
        ordering = ["space", "starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                name="economy_tenancy_period", condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on"))
            ),
        ]

    def __str__(self) -> str:
        return f"{self.space} {self.organisation}"


class SpaceProgramme(TimeStampedModel):
    space = models.ForeignKey(Space, verbose_name=_("공간"), on_delete=models.PROTECT, related_name="programmes")
    title = models.CharField(_("프로그램명"), max_length=200)
    starts_on = models.DateField(_("시작일"), validators=[OFFICE_DATE.validator])
    ends_on = models.DateField(_("종료일"))
    participants = models.PositiveIntegerField(_("참여 인원"), default=0, validators=[COUNT.validator])

    class Meta:
        verbose_name = _("공간 프로그램")
        verbose_name_plural = _("공간 프로그램")
        ordering = ["space", "starts_on", "pk"]
        constraints = [
            models.CheckConstraint(name="economy_programme_period", condition=Q(ends_on__gte=F("starts_on"))),
        ]

    def __str__(self) -> str:
        return self.title


# --- markets --------------------------------------------------------------------------------------------------


class SalesChannel(TimeStampedModel):
    class Kind(models.TextChoices):
        ONLINE_MALL = "online_mall", _("온라인 쇼핑몰")
        MARKET = "market", _("장터")

    code = models.CharField(_("코드"), max_length=32, unique=True)
    name = models.CharField(_("판로 이름"), max_length=200)
    kind = models.CharField(_("구분"), max_length=16, choices=Kind.choices)
    operator = models.CharField(_("운영기관"), max_length=200, blank=True)
    note = models.TextField(_("비고"), blank=True)

    class Meta:
        verbose_name = _("판로")
        verbose_name_plural = _("판로")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class ChannelSale(TimeStampedModel):
    channel = models.ForeignKey(SalesChannel, verbose_name=_("판로"), on_delete=models.PROTECT, related_name="sales")
    organisation = models.ForeignKey(
        "enterprises.Organisation", verbose_name=_("판매 기업"), on_delete=models.PROTECT, related_name="+"
    )
    month = models.DateField(_("월"))
    amount = models.BigIntegerField(_("매출액(원)"), validators=[MONEY.validator])
    upload_name = models.CharField(_("올린 파일"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("판로 매출")
        verbose_name_plural = _("판로 매출")
        ordering = ["-month", "channel", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["channel", "organisation", "month"], name="economy_sale_unique"),
            models.CheckConstraint(name="economy_sale_amount", condition=MONEY.check("amount")),
        ]

    def __str__(self) -> str:
        return f"{self.channel} {self.organisation} {screen_month(self.month)}"
