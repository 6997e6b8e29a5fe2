"""Demo grants: the grant programmes the 2018 report names, with its amounts (transcribed here; the report is never
read at run time).

- 서울지역 노동단체 지원 (P2-04, 노동정책담당관): 〈한국노총〉 9 projects 2,496백만원, of which 1,157백만원 disbursed by
  June (the report prints "51%"; 1,157 / 2,496 is 46.4% — the printed rate is kept in the programme's note, not
  recomputed); 〈민주노총〉 7 projects 470백만원 (no disbursement printed: none recorded).
- 청년일자리 민관협력사업 (P1-04): 2,000백만원, ₩100m–600m per project, agreements planned for '18.8월 — the
  programme only, no agreement yet on '18.6.30. The report names no matching ratio: none is set.
- 공정무역 (P3-06): 자치구 공정무역 특화사업 7 districts 150백만원, 캠페인·교육연구 지원 6 단체 230백만원 ('18.4월).
- 소셜벤처 (P3-05): 민관협력 액셀러레이팅 5 기관 1,000백만원 ('18.5월~12월).
- 사회적기업 재정지원 (P3-01): 인건비·사회보험료 1,208 enterprises / 4,971 people (3,992백만원 / 1,179백만원),
  사업개발비 111 enterprises 2,400백만원 — disbursed by June; 마을기업 육성 (예비 3개 23백만원, 신규 6개 218백만원,
  2차년도 5개 142백만원) and 혁신형 사업모델 (18개 기업 633백만원), paid by June on generated days. The 우수기업 지원
  ('18년 50개, 780백만원) is selected in '18.9~12월: no agreement on '18.6.30.

Which districts, organisations, dates and the split of a total over agreements are not in the report: they are
generated from a fixed seed and named "(예시)"; the totals and counts are the report's. The subsidy rule (30% of the
wage up to 1,000,000원 a month, the employer's social insurance in full) is an example rule: the report prints none.
The small programmes go through grants' services; the 1,319 social-enterprise agreements, their payrolls and
tranches are bulk-inserted (core.bulk.rows_insert), and so are their budget movements (demo.bulk: one statement per
programme and kind, the line's summary refreshed once). Bulk-inserted rows send no signals, so the change history
holds the programmes and the small programmes' agreements, movements and tranches, not these rows.
Every movement is dated on or before '18.6.30., so the report's '18.6.30. snapshot already includes it and the
office's budget figures stay the report's.
"""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from django.db.models import Max

from iljari.core.bulk import rows_insert
from iljari.demo.bulk import budget_movements_insert
from iljari.demo.enterprises_loader import business_number
from iljari.enterprises import services as enterprise_services
from iljari.enterprises.models import Certification, Organisation
from iljari.finance.models import BudgetLine
from iljari.grants import services
from iljari.grants.models import Disbursement, GrantAgreement, GrantProgramme, Payroll, PayrollLine
from iljari.org.models import District
from iljari.plan.models import Programme

SEED = 2018
YEAR = 2018
MILLION = 1_000_000
AS_OF = date(2018, 6, 30)

# (code, plan programme, budget line, name, kind, budget 백만원, extra rule, note)
PROGRAMMES = [
    ("2018-LABOUR-ORG", "P2-04", "LABOUR-POLICY-2018", "서울지역 노동단체 지원", "project", 2_966, {},
     "〈한국노총〉 9개 사업 2,496백만원, 〈민주노총〉 7개 사업 470백만원. 한국노총 서울지역본부 지원 보조금 6월까지 "
     "1,157백만원(보고서 표기 51%) 교부."),
    ("2018-YOUTH-PPP", "P1-04", "JOBS-POLICY-2018", "청년일자리 민관협력사업", "project", 2_000,
     {"min_amount": 100 * MILLION, "max_amount": 600 * MILLION, "job_count": "reported", "target_group": "youth",
      "job_kind": "direct"},
     "지정공모('17년 아이디어 공모 우수제안 43개 사업화)·자유공모. 사업기간 '18.8월~'19.1월, "
     "평가결과 우수사업 6개월 연장."),
    ("2018-FAIRTRADE-DISTRICT", "P3-06", "SOCIAL-ECONOMY-2018", "자치구 공정무역 특화사업", "project", 150, {},
     "7개 자치구, 150백만원('18.4월 공모 선정)."),
    ("2018-FAIRTRADE-NGO", "P3-06", "SOCIAL-ECONOMY-2018", "공정무역 캠페인·교육연구 지원사업", "project", 230, {},
     "6개 단체, 230백만원('18.4월 공모 선정)."),
    ("2018-SOCIAL-VENTURE", "P3-05", "SOCIAL-ECONOMY-2018", "소셜벤처 액셀러레이팅 민관협력사업", "project", 1_000, {},
     "액셀러레이팅 프로그램(투자, 보육, 멘토링 등) 운영 전문지원기관 5개 기관 선정, '18.5월~12월."),
    ("2018-SE-WAGE", "P3-01", "SOCIAL-ECONOMY-2018", "사회적기업 인건비·사회보험료 지원", "employment", 5_171,
     {"wage_share": Decimal("30"), "wage_cap": 1_000_000, "insurance_share": Decimal("100"), "job_count": "employees",
      "target_group": "general", "job_kind": "indirect"},
     "1,208개 기업(3,992백만원) / 4,971명(1,179백만원). 지원 기준(임금의 30%, 월 100만원 한도, 사업주 사회보험료 "
     "전액)은 예시입니다: 보고서에 기준이 없습니다."),
    ("2018-SE-DEVELOPMENT", "P3-01", "SOCIAL-ECONOMY-2018", "사회적기업 사업개발비 지원", "project", 2_400, {},
     "111개 기업, 2,400백만원."),
    ("2018-VILLAGE-PRELIMINARY", "P3-01", "SOCIAL-ECONOMY-2018", "마을기업 육성사업(예비)", "project", 23, {},
     "예비 3개 기업, 총 23백만원 지원."),
    ("2018-VILLAGE-NEW", "P3-01", "SOCIAL-ECONOMY-2018", "마을기업 육성사업(신규)", "project", 218, {},
     "신규 6개 기업, 총 218백만원 지원."),
    ("2018-VILLAGE-SECOND", "P3-01", "SOCIAL-ECONOMY-2018", "마을기업 육성사업(2차년도)", "project", 142, {},
     "2차년도 5개 기업 총 142백만원 지원."),
    ("2018-SE-INNOVATION", "P3-01", "SOCIAL-ECONOMY-2018", "사회적경제 혁신형 사업모델 지원", "project", 633, {},
     "주거·돌봄 등 사회문제를 해결하는 혁신형 사업모델 지원: 18개 기업, 총 633백만원."),
]  # fmt: skip

# The 마을기업 육성사업 and the 혁신형 사업모델 (Ⅲ 3-① 추진현황, done by '18.6.30.): (programme, code prefix, name,
# enterprises, 백만원, the day the agreements were signed and paid — ASSUMED: the report prints no date).
VILLAGE_AND_INNOVATION = [
    ("2018-VILLAGE-PRELIMINARY", "VP", "마을기업(예비)", 3, 23, date(2018, 3, 15)),
    ("2018-VILLAGE-NEW", "VN", "마을기업(신규)", 6, 218, date(2018, 4, 16)),
    ("2018-VILLAGE-SECOND", "VS", "마을기업(2차년도)", 5, 142, date(2018, 2, 19)),
    ("2018-SE-INNOVATION", "IN", "혁신형 사업모델", 18, 633, date(2018, 5, 15)),
]

WAGE_ENTERPRISES, WAGE_PEOPLE = 1_208, 4_971
WAGE_TOTAL, INSURANCE_TOTAL = 3_992 * MILLION, 1_179 * MILLION
DEVELOPMENT_ENTERPRISES, DEVELOPMENT_TOTAL = 111, 2_400 * MILLION


def _split(total: int, count: int, generator: random.Random, spread: float = 0.4) -> list[int]:
    """`total` over `count` parts, each within ±spread of the mean, summing exactly (largest remainders)."""
    weights = [1 + generator.uniform(-spread, spread) for _ in range(count)]
    scale = total / sum(weights)
    parts = [int(w * scale) for w in weights]
    for n in range(total - sum(parts)):
        parts[n % count] += 1
    return parts


def _organisation(name: str, kind: str, number: int, district=None) -> Organisation:
    existing = Organisation.objects.filter(business_number=business_number(number)).first()
    return existing or enterprise_services.organisation_register(
        actor=None, name=name, kind=kind, business_number=business_number(number), district=district
    )


def _programmes() -> dict[str, GrantProgramme]:
    made = {}
    for code, plan_code, line_code, name, kind, budget, rule, note in PROGRAMMES:
        made[code] = services.grant_programme_set(
            actor=None,
            code=code,
            year=YEAR,
            name=name,
            kind=kind,
            programme=Programme.objects.get(code=plan_code),
            budget_line=BudgetLine.objects.get(code=line_code),
            budget=budget * MILLION,
            note=note,
            **rule,
        )
    return made


def _agreement(programme, grantee, code, title, city, signed_on, *, starts_on, ends_on, district=None, tranches=()):
    agreement = services.agreement_create(
        actor=None, programme=programme, grantee=grantee, code=code, title=title, starts_on=starts_on,
        ends_on=ends_on, city_amount=city, district=district,
    )  # fmt: skip
    services.agreement_sign(actor=None, agreement=agreement, signed_on=signed_on)
    for paid_on, amount in tranches:
        services.disbursement_record(actor=None, agreement=agreement, paid_on=paid_on, amount=amount)
    return agreement


def _small_programmes(made, generator) -> None:
    labour = made["2018-LABOUR-ORG"]
    fktu = _organisation("한국노총 서울지역본부", "labour_organisation", 880_000_001)
    kctu = _organisation("민주노총 서울지역본부", "labour_organisation", 880_000_002)
    disbursed = _split(1_157 * MILLION, 3, generator, 0.1)
    _agreement(
        labour, fktu, "2018-LABOUR-FKTU", "근로자복지관 강당증축 및 노동조합교육 등 9개 사업", 2_496 * MILLION,
        date(2018, 1, 22), starts_on=date(2018, 1, 1), ends_on=date(2018, 12, 31),
        tranches=list(zip((date(2018, 2, 12), date(2018, 4, 16), date(2018, 6, 15)), disbursed, strict=True)),
    )  # fmt: skip
    _agreement(
        labour, kctu, "2018-LABOUR-KCTU", "근로자복지관 이전추진 및 노동실태조사 등 7개 사업", 470 * MILLION,
        date(2018, 1, 22), starts_on=date(2018, 1, 1), ends_on=date(2018, 12, 31),
    )  # fmt: skip
    districts = generator.sample(list(District.objects.order_by("sort_order")), 7)
    for n, (district, amount) in enumerate(zip(districts, _split(150 * MILLION, 7, generator, 0.3), strict=True)):
        office = _organisation(district.name, "district", 880_001_000 + n, district)
        _agreement(
            made["2018-FAIRTRADE-DISTRICT"], office, f"2018-FT-D{n + 1:02d}",
            f"{district.name} 공정무역 특화사업(예시)", amount, date(2018, 4, 20), starts_on=date(2018, 4, 20),
            ends_on=date(2018, 12, 31), district=district,
        )  # fmt: skip
    for n, amount in enumerate(_split(230 * MILLION, 6, generator, 0.3)):
        ngo = _organisation(f"공정무역단체 {n + 1}(예시)", "ngo", 880_002_000 + n)
        _agreement(
            made["2018-FAIRTRADE-NGO"], ngo, f"2018-FT-N{n + 1:02d}", "공정무역 캠페인·교육연구(예시)", amount,
            date(2018, 4, 25), starts_on=date(2018, 5, 1), ends_on=date(2018, 12, 31),
        )  # fmt: skip
    for n, amount in enumerate(_split(1_000 * MILLION, 5, generator, 0.2)):
        accelerator = _organisation(f"소셜벤처 액셀러레이터 {n + 1}(예시)", "company", 880_003_000 + n)
        _agreement(
            made["2018-SOCIAL-VENTURE"], accelerator, f"2018-SV-{n + 1:02d}", "소셜벤처 액셀러레이팅 프로그램(예시)",
            amount, date(2018, 5, 2), starts_on=date(2018, 5, 2), ends_on=date(2018, 12, 31),
        )  # fmt: skip


def _social_enterprises(count: int) -> list[int]:
    """Social enterprises (certified or preliminary) of the enterprises demo; generated ones where it is not loaded."""
    ids = list(
        Certification.objects.filter(kind__in=["social_enterprise", "preliminary_social_enterprise"])
        .order_by("organisation_id")
        .values_list("organisation_id", flat=True)
        .distinct()[:count]
    )
    missing = count - len(ids)
    if missing > 0:
        rows = [
            (f"사회적기업 {n + 1}(예시)", "company", business_number(881_000_000 + n), "small", "health_welfare")
            for n in range(missing)
        ]
        rows_insert(Organisation, ("name", "kind", "business_number", "size", "sector"), rows)
        numbers = [row[2] for row in rows]
        ids += list(Organisation.objects.filter(business_number__in=numbers).values_list("pk", flat=True))
    return ids


def _insert_agreements(programme, grantees, prefix, title, amounts, signed_on) -> list[int]:
    rows = [
        (f"{prefix}-{n + 1:04d}", programme.pk, grantee, title, YEAR, date(2018, 1, 1), date(2018, 12, 31), city, 0,
         programme.budget_line_id, "signed", signed_on)
        for n, (grantee, city) in enumerate(zip(grantees, amounts, strict=True))
    ]  # fmt: skip
    rows_insert(
        GrantAgreement,
        ("code", "programme", "grantee", "title", "year", "starts_on", "ends_on", "city_amount", "matched_amount",
         "budget_line", "status", "signed_on"),
        rows,
    )  # fmt: skip
    codes = [row[0] for row in rows]
    agreements = dict(GrantAgreement.objects.filter(code__in=codes).values_list("code", "pk"))
    ids = [agreements[code] for code in codes]
    budget_movements_insert(
        programme.budget_line,
        [(signed_on, row[7], 0, f"grants:agreement:{pk}:sign", f"보조금 협약 {row[0]} 체결(원인행위)")
         for pk, row in zip(ids, rows, strict=True)],
    )  # fmt: skip
    return ids


def _post_tranches(programme) -> None:
    tranches = Disbursement.objects.filter(agreement__programme=programme)
    budget_movements_insert(
        programme.budget_line,
        [(paid_on, 0, amount, f"grants:disbursement:{pk}", f"보조금 {code} {number}차 교부")
         for pk, number, paid_on, amount, code in tranches.values_list(
             "pk", "number", "paid_on", "amount", "agreement__code")],
    )  # fmt: skip


def _wage_subsidies(programme, grantees, generator) -> None:
    people = [1] * WAGE_ENTERPRISES
    for _ in range(WAGE_PEOPLE - WAGE_ENTERPRISES):
        people[generator.randrange(WAGE_ENTERPRISES)] += 1
    paid = [date(2018, generator.randrange(3, 7), generator.randrange(1, 29)) for _ in range(WAGE_ENTERPRISES)]
    # each person's months: January up to the month before the payment, one or two of them
    months = []
    for count, paid_on in zip(people, paid, strict=True):
        available = [date(2018, m, 1) for m in range(1, paid_on.month)]
        months.append([sorted(generator.sample(available, min(len(available), generator.choice([1, 2]))))
                       for _ in range(count)])  # fmt: skip
    lines = sum(len(m) for person in months for m in person)
    wage_parts = iter(_split(WAGE_TOTAL, lines, generator))
    insurance_parts = iter(_split(INSURANCE_TOTAL, lines, generator))
    line_rows: list[tuple] = []  # (enterprise index, employee, month, wage, insurance, wage subsidy, insurance subsidy)
    for index, persons in enumerate(months):
        for person, person_months in enumerate(persons, start=1):
            for month in person_months:
                wage_subsidy, insurance_subsidy = next(wage_parts), next(insurance_parts)
                wage = -(-wage_subsidy * 100 // int(programme.wage_share))  # the wage whose share is the subsidy
                assert services.subsidy_compute(programme, wage=wage, insurance=insurance_subsidy) == (
                    wage_subsidy,
                    insurance_subsidy,
                )
                line_rows.append((index, f"E{person:03d}", month, wage, insurance_subsidy, wage_subsidy,
                                  insurance_subsidy))  # fmt: skip
    totals = [0] * WAGE_ENTERPRISES
    for index, *_rest, wage_subsidy, insurance_subsidy in line_rows:
        totals[index] += wage_subsidy + insurance_subsidy
    agreement_ids = _insert_agreements(
        programme, grantees, "2018-SE-W", "2018년 인건비·사회보험료 지원", totals, date(2018, 1, 2)
    )
    wage_by, insurance_by, months_by = [0] * WAGE_ENTERPRISES, [0] * WAGE_ENTERPRISES, [0] * WAGE_ENTERPRISES
    for index, _employee, _month, _wage, _insurance, wage_subsidy, insurance_subsidy in line_rows:
        wage_by[index] += wage_subsidy
        insurance_by[index] += insurance_subsidy
        months_by[index] += 1
    rows_insert(
        Payroll,
        ("agreement", "title", "status", "wage_subsidy", "insurance_subsidy", "employees", "employee_months"),
        [(pk, f"{paid[i].month - 1}월분까지", "approved", wage_by[i], insurance_by[i], people[i], months_by[i])
         for i, pk in enumerate(agreement_ids)],
    )  # fmt: skip
    payrolls = dict(Payroll.objects.filter(agreement_id__in=agreement_ids).values_list("agreement_id", "pk"))
    payroll_ids = [payrolls[pk] for pk in agreement_ids]
    rows_insert(
        PayrollLine,
        ("payroll", "employee_number", "employee_name", "month", "wage", "insurance", "wage_subsidy",
         "insurance_subsidy"),
        [(payroll_ids[i], employee, f"근로자{employee[1:]}(예시)", month, wage, insurance, ws, ins)
         for i, employee, month, wage, insurance, ws, ins in line_rows],
    )  # fmt: skip
    rows_insert(
        Disbursement,
        ("agreement", "number", "paid_on", "amount", "payroll", "note"),
        [(pk, 1, paid[i], totals[i], payroll_ids[i], f"{people[i]}명, {months_by[i]}인·월")
         for i, pk in enumerate(agreement_ids)],
    )  # fmt: skip
    _post_tranches(programme)


def _development_grants(programme, grantees, generator) -> None:
    amounts = _split(DEVELOPMENT_TOTAL, DEVELOPMENT_ENTERPRISES, generator, 0.5)
    ids = _insert_agreements(programme, grantees, "2018-SE-D", "사업개발비(예시)", amounts, date(2018, 3, 2))
    rows_insert(
        Disbursement,
        ("agreement", "number", "paid_on", "amount", "note"),
        [(pk, 1, date(2018, generator.randrange(3, 7), generator.randrange(1, 29)), amount, "사업개발비 교부")
         for pk, amount in zip(ids, amounts, strict=True)],
    )  # fmt: skip
    _post_tranches(programme)


def _village_and_innovation(made, generator) -> None:
    """Small programmes' agreements through the services, each paid in one tranche on its signing day; the grantees
    are generated "(예시)" organisations, the split of each total is generated, the counts and totals are the
    report's."""
    for n, (code, prefix, word, count, total, day) in enumerate(VILLAGE_AND_INNOVATION):
        for k, amount in enumerate(_split(total * MILLION, count, generator, 0.3)):
            grantee = _organisation(f"{word} {k + 1}(예시)", "company", 880_004_000 + n * 100 + k)
            _agreement(
                made[code], grantee, f"2018-{prefix}-{k + 1:02d}", f"{word} 지원(예시)", amount, day,
                starts_on=day, ends_on=date(2018, 12, 31), tranches=[(day, amount)],
            )  # fmt: skip


def load_grants() -> None:
    generator = random.Random(SEED)
    made = _programmes()
    if GrantAgreement.objects.filter(programme__year=YEAR).exists():
        return  # loaded before: the programmes are refreshed, the agreements stay as they are
    _small_programmes(made, generator)
    enterprises = _social_enterprises(WAGE_ENTERPRISES + DEVELOPMENT_ENTERPRISES)
    _wage_subsidies(made["2018-SE-WAGE"], enterprises[:WAGE_ENTERPRISES], generator)
    _development_grants(made["2018-SE-DEVELOPMENT"], enterprises[WAGE_ENTERPRISES:], generator)
    _village_and_innovation(made, generator)
    last = Disbursement.objects.filter(agreement__programme=made["2018-SE-WAGE"]).aggregate(d=Max("paid_on"))["d"]
    services.grant_jobs_sync(programme=made["2018-SE-WAGE"].programme, year=YEAR, as_of=last or AS_OF)
