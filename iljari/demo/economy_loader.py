"""Demo social-economy networks and markets (economy), from demo/dataset/economy.py through economy's services, then
the indicators they feed (사회적경제 특구 육성, 클러스터 공간조성) for 2018 as of '18.6.30. Runs after the district
projects (the 특구 are grants' staged funding)."""

from __future__ import annotations

from django.db import transaction

from iljari.demo.dataset import economy as d
from iljari.economy import services
from iljari.economy.models import NetworkMember


def load_economy() -> None:
    if NetworkMember.objects.exists():
        return
    with transaction.atomic():
        services.member_save(actor=None, joined_on=d.GSEF_FOUNDED, **d.GSEF_CHAIR)
        for number in range(2, d.GSEF_MEMBERS + 1):
            services.member_save(
                actor=None,
                name=f"회원 도시·단체 {number}",
                kind="unspecified",
                joined_on=d.GSEF_FOUNDED,
                note="보고서에 이름이 없는 회원(자리 표시)",
            )
        for code, title, kind, held_on, ends_on, place, host, cities, participants, expected, note in d.DIALOGUES:
            services.dialogue_save(
                actor=None, code=code, title=title, kind=kind, held_on=held_on, ends_on=ends_on, place=place,
                host=host, cities=cities, participants=participants, expected=expected, note=note,
            )  # fmt: skip
        for number, title in d.FAIR_TRADE_CRITERIA:
            criterion = services.criterion_save(actor=None, number=number, title=title)
            services.evidence_add(
                actor=None,
                criterion=criterion,
                what=f"「{d.FAIR_TRADE_TITLE}」 5개 기준 달성을 통한 인증 획득",
                dated_on=d.FAIR_TRADE_CERTIFIED,
            )
        services.certification_record(actor=None, title=d.FAIR_TRADE_TITLE, certified_on=d.FAIR_TRADE_CERTIFIED)
        for number, opened_on in enumerate(d.CLUSTER_OPENED, start=1):
            services.space_save(
                actor=None, name=f"사회적경제 활성화 공간 {number}", kind="cluster", opened_on=opened_on,
                note="보고서에 이름·위치가 없는 공간(자리 표시)",
            )  # fmt: skip
        for number in range(1, d.CENTRES_YEAR4 + 1):
            services.space_save(
                actor=None, name=f"자치구 사회적경제 통합지원센터(4년차) {number}", kind="centre",
                opened_on=d.CENTRES_OPENED, note="보고서에 이름·자치구가 없는 센터(자리 표시)",
            )  # fmt: skip
        services.space_save(actor=None, kind="hub", **d.HUB)
        for code, name, kind, note in d.CHANNELS:
            services.channel_save(actor=None, code=code, name=name, kind=kind, note=note)
        services.indicators_sync(year=d.AS_OF.year, as_of=d.AS_OF)
