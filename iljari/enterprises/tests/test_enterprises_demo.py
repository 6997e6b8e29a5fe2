"""The enterprises demo figures, from its loader alone: the report's counts reproduced, and a rerun unchanged."""

from datetime import date

import pytest
from django.test import Client

from iljari.demo.enterprises_loader import CALL_CODE, load_enterprises
from iljari.demo.loader import load_accounts
from iljari.enterprises import selectors
from iljari.enterprises.models import Certification, Organisation, Purchase, SupportRecord
from iljari.intake import selectors as intake_selectors
from iljari.intake.models import Call, ReviewScore
from iljari.performance.models import IndicatorValue


@pytest.fixture
def demo(dataset_2018):
    load_accounts()
    load_enterprises()


def test_the_demo_reproduces_the_reports_enterprise_figures_and_reruns_unchanged(demo, django_user_model):
    # 사회적경제기업('18.6월): 총 4,199개 (사회적기업 617개, 협동조합 3,265개, 마을기업 108개, 기타 209개)
    counts = selectors.social_economy_counts(on=date(2018, 6, 30))
    assert (counts["social_enterprise"], counts["cooperative"], counts["village_enterprise"]) == (617, 3265, 108)
    assert (counts["other_social_economy"], counts["total"]) == (209, 4199)
    assert 617 + 3265 + 108 + 209 == 4199

    # (접수) 541개 → (서면심사) 241개 통과 → (면접) 100개 선정; 경쟁률 5.4:1 (541 / 100)
    call = Call.objects.get(code=CALL_CODE)
    funnel = intake_selectors.call_funnel(call=call)
    assert (funnel.applied, funnel.passed_document_review, funnel.selected) == (541, 241, 100)
    assert intake_selectors.call_figures(call=call).ratio == "5.4:1"
    assert ReviewScore.objects.filter(application__call=call).values("reviewer").distinct().count() == 3
    assert Certification.objects.filter(kind="strong_sme").count() == 100
    assert selectors.platform_list().count() == 100
    assert SupportRecord.objects.filter(kind="parental_leave_intern").count() == 50  # 총 50명
    assert all(months <= 23 for months in SupportRecord.objects.values_list("months", flat=True))

    # 공공구매: 349억원 by the end of May against 1,300억원
    assert sum(Purchase.objects.filter(purchased_on__lte=date(2018, 5, 31)).values_list("amount", flat=True)) == (
        34_900_000_000
    )
    value = IndicatorValue.objects.get(indicator__code="IND-08", year=2018, kind="actual", as_of=date(2018, 5, 31))
    assert value.value == 349

    # the demo company represents a selected enterprise on the platform, with a published review
    company = django_user_model.objects.get(username="company")
    page = Client().get(f"/platform/{company.organisation_id}/").content.decode()
    assert "(주)데모강소기업" in page and "데모 후기" in page and "검토 대기 데모" not in page

    before = (
        Organisation.objects.count(),
        Certification.objects.count(),
        Purchase.objects.count(),
        ReviewScore.objects.count(),
    )
    load_enterprises()
    after = (
        Organisation.objects.count(),
        Certification.objects.count(),
        Purchase.objects.count(),
        ReviewScore.objects.count(),
    )
    assert before == after
