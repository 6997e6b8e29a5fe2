"""The 2018 report's counts that the enterprises' records give (performance.record_figures), registered when the
app starts: the social-economy organisations by type on the day (Ⅲ 3-①: 총 4,199개 — 사회적기업 617, 협동조합 3,265,
마을기업 108, 기타 209) and the year's public procurement from social-economy enterprises up to the day (Ⅲ 3-①:
"'18년도 공공구매 실적(5월말) : 349억원").

The system's reads (no user): `selectors.social_economy_counts(on=as_of)` (an organisation counted once per type
valid on the day; 기타 = the organisations of the total that are none of the three named types) and the purchases
dated from 1 January to the day, in 억원. The report prints the procurement as of 5월말; the records hold no later
purchase, so the figure as of '18.6.30. is the same sum.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache

from django.db.models import Sum

from iljari.enterprises.models import Certification, Purchase
from iljari.enterprises.selectors import social_economy_counts

Kind = Certification.Kind
NAMED = (Kind.SOCIAL_ENTERPRISE, Kind.COOPERATIVE, Kind.VILLAGE_ENTERPRISE)
EOK = Decimal(100_000_000)


def _count(kind: str):
    def count(*, year: int, as_of: date) -> int:
        counts = social_economy_counts(on=as_of)
        if kind == "other":
            return counts["total"] - sum(counts[named] for named in NAMED)
        return counts[kind]

    return count


def procurement_eok(*, year: int, as_of: date) -> Decimal:
    total = Purchase.objects.filter(purchased_on__range=(date(year, 1, 1), as_of)).aggregate(s=Sum("amount"))["s"]
    return Decimal(total or 0) / EOK


@cache  # once: a second ready() registers nothing new (a key registered twice with another count is refused)
def register() -> None:
    from iljari.performance.record_figures import RecordFigure, record_figure_register

    def figure(key, label, unit, page, count):
        record_figure_register(RecordFigure(key=key, programme="P3-01", label=label, unit=unit, page=page, count=count))

    page = "enterprises:organisation_list"
    figure("p3-01.enterprises", "사회적경제기업 수", "개", page, _count("total"))
    figure("p3-01.enterprises.social", "사회적기업 수", "개", page, _count(Kind.SOCIAL_ENTERPRISE))
    figure("p3-01.enterprises.cooperative", "협동조합 수", "개", page, _count(Kind.COOPERATIVE))
    figure("p3-01.enterprises.village", "마을기업 수", "개", page, _count(Kind.VILLAGE_ENTERPRISE))
    figure("p3-01.enterprises.other", "기타 사회적경제기업 수", "개", page, _count("other"))
    figure(
        "p3-01.procurement.actual",
        "공공구매 실적('18년, 보고서 5월말 기준)",
        "억원",
        "enterprises:procurement",
        procurement_eok,
    )
