"""The demo's union records give back the 2018 report's printed figures of 서울지역 노동단체 지원 (P2-04) as of
'18.6.30., counted from the sub-projects and tranches. The expected values are typed here from the report
(Ⅲ 2-④): "〈한국노총〉… 9개 사업 지원(2,496백만원)", "〈민주노총〉… 7개 사업 지원(470백만원)", "한국노총 서울지역본부
지원 보조금 6월까지 1,157백만원(51%) 교부 ※ … 9개사업 추진 중"."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from iljari.demo.grants_loader import load_grants
from iljari.demo.unions_loader import load_unions
from iljari.grants.models import SubProject
from iljari.performance.record_figures import record_figure_rows

AS_OF = date(2018, 6, 30)

PRINTED = {
    "p2-04.fktu.budget": Decimal("2496"),
    "p2-04.fktu.disbursed": Decimal("1157"),
    "p2-04.fktu.projects": Decimal("9"),
    "p2-04.fktu.projects-running": Decimal("9"),
    "p2-04.kctu.budget": Decimal("470"),
    "p2-04.kctu.projects": Decimal("7"),
}


def test_the_union_figures_from_records_are_the_reports(office, client_as):
    load_grants()
    load_unions()
    rows = {row.figure.key: row for row in record_figure_rows(year=2018, as_of=AS_OF, programme="P2-04")}
    assert {key: rows[key].value for key in PRINTED} == PRINTED
    assert all(rows[key].agrees for key in PRINTED)  # the printed values are the report's transcription
    assert {rows[key].url for key in PRINTED} == {"/grants/unions/"}
    # before the first tranche nothing was paid; a day before the agreements, nothing was agreed
    early = {row.figure.key: row.value for row in record_figure_rows(year=2018, as_of=date(2018, 2, 1))}
    assert early["p2-04.fktu.disbursed"] == 0
    before = {r.figure.key: r.value for r in record_figure_rows(year=2018, as_of=date(2018, 1, 1), programme="P2-04")}
    assert before["p2-04.fktu.budget"] is None
    load_unions()  # a second load adds nothing
    assert SubProject.objects.count() == 16
    named = SubProject.objects.filter(agreement__code="2018-LABOUR-FKTU").exclude(title__startswith="기타 사업")
    assert sorted(named.values_list("title", flat=True)) == sorted(
        ["근로자복지관 강당증축", "노동조합 교육", "노동법률상담", "근로자 자녀 장학금 지급"]
    )
    page = client_as("office_manager").get("/grants/unions/?year=2018&as_of=2018-06-30")
    text = page.content.decode()
    assert page.status_code == 200 and "2,496" in text
    assert text.count("<td>일치</td>") == len(PRINTED) and "불일치" not in text
