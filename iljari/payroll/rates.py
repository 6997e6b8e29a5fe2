"""The rates in force from 2018 to 2026, as loaded into InsuranceRate and IncomeTaxRule by the migration
0002_rates_2018_2026 (the office enters later years on the rates page). Sources: docs/payroll.md."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

PENSION_SOURCE = (
    "국민연금법 제88조(보험료율)·제8조(18세 이상 60세 미만), 시행령 제5조(기준소득월액 상·하한, 보건복지부 고시)"
)
PENSION_2026_SOURCE = "국민연금법 제88조(2025. 3. 개정: 2026년 9.5%), 시행령 제5조(기준소득월액 상·하한)"
HEALTH_SOURCE = "국민건강보험법 제69조·제73조, 시행령 제44조(보험료율), 제6조②(1개월 미만 일용·월 60시간 미만 제외)"
CARE_SOURCE = "노인장기요양보험법 제8조·제9조, 시행령 제4조(건강보험료에 곱하는 장기요양보험료율)"
EMPLOYMENT_SOURCE = (
    "고용보험 및 산업재해보상보험의 보험료징수 등에 관한 법률 제14조, 시행령 제12조(실업급여·고용안정직업능력개발 "
    "요율, 국가·지방자치단체 0.85%), 고용보험법 제10조(65세 이후 고용·월 60시간 미만 적용 제외)"
)
ACCIDENT_SOURCE = (
    "고용보험 및 산업재해보상보험의 보험료징수 등에 관한 법률 제14조③, 고용노동부 고시 사업종류별 산재보험료율"
)
ACCIDENT_INDUSTRY = "국가 및 지방자치단체의 사업"
TAX_SOURCE = (
    "소득세법 제134조·시행령 제194조 별표2(근로소득 간이세액표), 소득세법 제14조③·제47조②·제59조②(일용근로소득), "
    "제86조(소액부징수), 지방세법 제103조의13(지방소득세 특별징수)"
)


def _until(start: str, next_start: str | None):
    end = date.fromordinal(date.fromisoformat(next_start).toordinal() - 1) if next_start else None
    return date.fromisoformat(start), end


def _rows(insurance, table, **common):
    rows = []
    for index, (start, *values) in enumerate(table):
        following = table[index + 1][0] if index + 1 < len(table) else None
        valid_from, valid_to = _until(start, following)
        rows.append({"insurance": insurance, "valid_from": valid_from, "valid_to": valid_to, **common, **values[0]})
    return rows


PENSION = _rows(
    "pension",
    [
        (
            "2018-01-01",
            {"worker_rate": D("4.5"), "employer_rate": D("4.5"), "base_floor": 290_000, "base_ceiling": 4_490_000},
        ),
        (
            "2018-07-01",
            {"worker_rate": D("4.5"), "employer_rate": D("4.5"), "base_floor": 300_000, "base_ceiling": 4_680_000},
        ),
        (
            "2019-07-01",
            {"worker_rate": D("4.5"), "employer_rate": D("4.5"), "base_floor": 310_000, "base_ceiling": 4_860_000},
        ),
        (
            "2020-07-01",
            {"worker_rate": D("4.5"), "employer_rate": D("4.5"), "base_floor": 320_000, "base_ceiling": 5_030_000},
        ),
        (
            "2021-07-01",
            {"worker_rate": D("4.5"), "employer_rate": D("4.5"), "base_floor": 330_000, "base_ceiling": 5_240_000},
        ),
        (
            "2022-07-01",
            {"worker_rate": D("4.5"), "employer_rate": D("4.5"), "base_floor": 350_000, "base_ceiling": 5_530_000},
        ),
        (
            "2023-07-01",
            {"worker_rate": D("4.5"), "employer_rate": D("4.5"), "base_floor": 370_000, "base_ceiling": 5_900_000},
        ),
        (
            "2024-07-01",
            {"worker_rate": D("4.5"), "employer_rate": D("4.5"), "base_floor": 390_000, "base_ceiling": 6_170_000},
        ),
        (
            "2025-07-01",
            {"worker_rate": D("4.5"), "employer_rate": D("4.5"), "base_floor": 400_000, "base_ceiling": 6_370_000},
        ),
        (
            "2026-01-01",
            {
                "worker_rate": D("4.75"),
                "employer_rate": D("4.75"),
                "base_floor": 400_000,
                "base_ceiling": 6_370_000,
                "source": PENSION_2026_SOURCE,
            },
        ),
        (
            "2026-07-01",
            {
                "worker_rate": D("4.75"),
                "employer_rate": D("4.75"),
                "base_floor": 410_000,
                "base_ceiling": 6_590_000,
                "source": PENSION_2026_SOURCE,
            },
        ),
    ],
    rounding="won",
    min_month_hours=60,
    min_contract_days=30,
    age_limit=60,
    source=PENSION_SOURCE,
)

_HEALTH = {
    2018: "6.24",
    2019: "6.46",
    2020: "6.67",
    2021: "6.86",
    2022: "6.99",
    2023: "7.09",
    2024: "7.09",
    2025: "7.09",
    2026: "7.19",
}
HEALTH = _rows(
    "health",
    [(f"{year}-01-01", {"worker_rate": D(rate) / 2, "employer_rate": D(rate) / 2}) for year, rate in _HEALTH.items()],
    rounding="ten_won",
    min_month_hours=60,
    min_contract_days=30,
    source=HEALTH_SOURCE,
)

_CARE = {
    2018: "7.38",
    2019: "8.51",
    2020: "10.25",
    2021: "11.52",
    2022: "12.27",
    2023: "12.81",
    2024: "12.95",
    2025: "12.95",
    2026: "13.14",
}
CARE = _rows(
    "care",
    [(f"{year}-01-01", {"worker_rate": D(rate), "employer_rate": D(rate)}) for year, rate in _CARE.items()],
    rounding="ten_won",
    min_month_hours=60,
    min_contract_days=30,
    source=CARE_SOURCE,
)

EMPLOYMENT = _rows(
    "employment",
    [
        ("2018-01-01", {"worker_rate": D("0.65"), "employer_rate": D("0.65")}),
        ("2019-10-01", {"worker_rate": D("0.8"), "employer_rate": D("0.8")}),
        ("2022-07-01", {"worker_rate": D("0.9"), "employer_rate": D("0.9")}),
    ],
    employer_extra_rate=D("0.85"),
    rounding="ten_won",
    min_month_hours=60,
    min_contract_days=0,
    age_limit=65,
    source=EMPLOYMENT_SOURCE,
)

# 사업종류 요율 + 출퇴근재해 요율 (천분의), per the year's 고시
_ACCIDENT = {
    2018: "1.05",
    2019: "1.05",
    2020: "1.05",
    2021: "1.00",
    2022: "0.97",
    2023: "0.96",
    2024: "0.96",
    2025: "0.96",
    2026: "0.96",
}
ACCIDENT = _rows(
    "accident",
    [(f"{year}-01-01", {"worker_rate": D(0), "employer_rate": D(rate)}) for year, rate in _ACCIDENT.items()],
    industry=ACCIDENT_INDUSTRY,
    rounding="ten_won",
    source=ACCIDENT_SOURCE,
)

INSURANCE_RATES = [*PENSION, *HEALTH, *CARE, *EMPLOYMENT, *ACCIDENT]

INCOME_TAX_RULES = [
    {
        "valid_from": date(2018, 1, 1),
        "valid_to": date(2022, 12, 31),
        "simple_table": "2018",
        "daily_deduction": 150_000,
        "daily_rate": D("6"),
        "daily_credit": D("55"),
        "small_amount": 1_000,
        "local_rate": D("10"),
        "daily_contract_days": 90,
        "source": TAX_SOURCE,
    },
    {
        "valid_from": date(2023, 1, 1),
        "valid_to": date(2024, 2, 29),
        "simple_table": "2023",
        "daily_deduction": 150_000,
        "daily_rate": D("6"),
        "daily_credit": D("55"),
        "small_amount": 1_000,
        "local_rate": D("10"),
        "daily_contract_days": 90,
        "source": TAX_SOURCE,
    },
    {
        "valid_from": date(2024, 3, 1),  # 별표2 <개정 2024. 2. 29.>: pay from 2024.3
        "valid_to": None,
        "simple_table": "2024",
        "daily_deduction": 150_000,
        "daily_rate": D("6"),
        "daily_credit": D("55"),
        "small_amount": 1_000,
        "local_rate": D("10"),
        "daily_contract_days": 90,
        "source": TAX_SOURCE,
    },
]
