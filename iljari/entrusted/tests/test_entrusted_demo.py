"""The demo's entrusted facilities give back what the 2018 report prints: the figures counted from the records as of
'18.6.30., the four institutes' trustees and terms, and the renewal paths' dates. The expected values are typed
here from the report, never read from the dataset."""

from datetime import date

import pytest

from iljari.core.roles import Role
from iljari.demo.entrusted_loader import load_entrusted
from iljari.entrusted.models import Contract, Facility, RenewalStep, YearBudget
from iljari.performance.record_figures import record_figure_rows

AS_OF = date(2018, 6, 30)


@pytest.fixture
def demo(personas, dataset_2018):
    load_entrusted()
    return personas


def test_the_figures_from_records_equal_the_printed_ones(demo):
    rows = {row.figure.key: row for row in record_figure_rows(year=2018, as_of=AS_OF)}
    expected = {
        "p1-07.institutes": 4,  # "4개 기술교육원 현황"
        "p1-07.institutes.renewal": 3,  # "동·북·남부 기술교육원 민간위탁 동의안 시의회 상정 : '18. 9월"
        "p3-01.budget.tailored.centre": 4_937,  # "사회적경제지원센터 4,937백만원"
    }
    for key, value in expected.items():
        row = rows[key]
        assert (row.value, row.printed, row.agrees) == (value, value, True), key
        assert row.url.startswith("/entrusted/"), key


def test_the_institutes_trustees_and_terms_are_the_reports(demo):
    terms = {
        (c.facility.name, c.trustee.name, c.term_start, c.term_end)
        for c in Contract.objects.filter(facility__kind="training_institute").select_related("facility", "trustee")
    }
    assert terms == {
        ("동부기술교육원", "(학)경복대학교", date(2016, 3, 1), date(2019, 2, 28)),
        ("중부기술교육원", "명지전문대학 산학협력단", date(2017, 3, 1), date(2020, 2, 28)),
        ("북부기술교육원", "(재)한국능력개발원", date(2016, 3, 1), date(2019, 2, 28)),
        ("남부기술교육원", "(사)엘림복지회", date(2016, 3, 1), date(2019, 2, 28)),
    }
    assert set(Facility.objects.filter(kind="training_institute").values_list("code", flat=True)) == {
        "EAST",
        "CENTRAL",
        "NORTH",
        "SOUTH",
    }  # fmt: skip  (participation's institute codes)


def test_the_renewal_paths_carry_the_reports_dates(demo):
    def path(code):
        return [(s.get_kind_display(), s.due_on, s.done_on) for s in RenewalStep.objects.filter(facility__code=code)]

    institutes = [  # '18. 9월; 공모·선정 11~12월; 계약·협약 심사 '19.1월; 협약체결 '19.2월; 운영 '19.3월 ~
        ("시의회 동의안", date(2018, 9, 30), None),
        ("수탁기관 공모·선정", date(2018, 12, 31), None),
        ("적격자심의위원회", date(2019, 1, 31), None),
        ("협약", date(2019, 2, 28), None),
        ("운영", date(2019, 3, 31), None),
    ]
    assert path("EAST") == path("NORTH") == path("SOUTH") == institutes
    assert path("CENTRAL") == []  # its term runs to '20.2.28.
    assert path("JEONTAEIL") == [  # 적격자심의위원회 '18.4.; 협약체결 '18.8월; 개관 '19. 3월
        ("적격자심의위원회", date(2018, 4, 30), date(2018, 4, 1)),  # the committee met in April (dated the 1st)
        ("협약", date(2018, 8, 31), None),
        ("운영", date(2019, 3, 31), None),
    ]
    jeontaeil = Contract.objects.get(facility__code="JEONTAEIL")
    assert (jeontaeil.trustee.name, jeontaeil.state, jeontaeil.term_start) == ("전태일재단", "planned", None)
    assert YearBudget.objects.get(contract__facility__code="SE-CENTRE", year=2018).budget == 4_937_000_000


def test_facilities_the_report_names_no_trustee_for_have_no_contract(demo):
    assert not Contract.objects.filter(facility__code__in=["YOUTH-CENTRE", "LABOUR-RIGHTS-CENTRE"]).exists()
    assert Facility.objects.count() == 9


def test_the_demo_loads_twice_without_change(demo):
    counts = (Facility.objects.count(), Contract.objects.count(), RenewalStep.objects.count())
    load_entrusted()
    assert (Facility.objects.count(), Contract.objects.count(), RenewalStep.objects.count()) == counts


def test_the_demo_pages_open_for_the_office_and_the_trustee(demo, client_as):
    html = client_as(Role.OFFICE_MANAGER).get("/entrusted/JEONTAEIL/?on=2018-06-30").content.decode()
    assert "우선협상대상자 : 전태일재단" in html and 'data-step-state="later">D-62' in html
    html = client_as(Role.OFFICE_MANAGER).get("/entrusted/ending/?on=2018-06-30").content.decode()
    assert 'data-worklist-rows="3"' in html
    html = client_as(Role.PARTNER_AGENCY).get("/entrusted/").content.decode()  # TTI-EAST
    assert "동부기술교육원" in html and "북부기술교육원" not in html


def test_no_entrusted_page_shows_an_internal_identifier(demo, client_as):
    """The scan of core/tests/test_plain_identifiers.py over the object pages and forms the matrix leaves out."""
    from iljari.core.tests.test_plain_identifiers import _read, _vocabulary, findings

    dotted, names, values = _vocabulary()
    east = Facility.objects.get(code="EAST")
    contract = east.contracts.get()
    step = east.renewal_steps.first()
    budget = YearBudget.objects.get()
    paths = [
        "/entrusted/",
        "/entrusted/EAST/?on=2018-10-01",
        "/entrusted/JEONTAEIL/?on=2018-06-30",
        "/entrusted/SE-CENTRE/",
        "/entrusted/YOUTH-CENTRE/",
        "/entrusted/EAST/edit/",
        "/entrusted/EAST/contracts/new/",
        "/entrusted/EAST/steps/new/",
        f"/entrusted/contracts/{contract.pk}/",
        f"/entrusted/contracts/{contract.pk}/budgets/new/",
        f"/entrusted/contracts/{contract.pk}/evaluations/new/",
        f"/entrusted/budgets/{budget.pk}/settle/",
        f"/entrusted/steps/{step.pk}/",
        f"/entrusted/steps/{step.pk}/done/",
        "/entrusted/ending/?on=2018-06-30",
        "/entrusted/steps/?on=2019-06-30",
    ]
    client = client_as(Role.OFFICE_MANAGER)
    problems = []
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        problems += [f"{path}: {found}" for found in findings(_read(response.content.decode()), dotted=dotted,
                                                               names=names, values=values,
                                                               allowed_words={"t_manager"})]  # fmt: skip
    assert problems == []
