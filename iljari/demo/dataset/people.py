"""Synthetic people for the demo: made-up names and resident numbers, deterministic from a seed.

The numbers are well formed (valid birth dates, the right sex digit) but belong to nobody; the last digit is
random, as it may be for numbers issued since October 2020.
"""

import random
from datetime import date, timedelta

SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = [
    "민준",
    "서연",
    "도윤",
    "하은",
    "지호",
    "수아",
    "예준",
    "지유",
    "시우",
    "채원",
    "주원",
    "지민",
    "하준",
    "윤서",
    "건우",
    "다은",
    "현우",
    "서윤",
    "우진",
    "민서",
]
DISTRICTS = [
    "11110",
    "11140",
    "11170",
    "11200",
    "11215",
    "11230",
    "11260",
    "11290",
    "11305",
    "11320",
    "11350",
    "11380",
    "11410",
    "11440",
    "11470",
    "11500",
    "11530",
    "11545",
    "11560",
    "11590",
    "11620",
    "11650",
    "11680",
    "11710",
    "11740",
]


def synthetic_people(count: int = 40, seed: int = 2018) -> list[dict]:
    generator = random.Random(seed)
    people = []
    for number in range(count):
        birth = date(1979, 1, 1) + timedelta(days=generator.randrange(0, 365 * 21))  # aged 18–39 in 2018
        sex = generator.choice("MF")
        century_digit = {("M", 1900): "1", ("F", 1900): "2", ("M", 2000): "3", ("F", 2000): "4"}[
            (sex, 1900 if birth.year < 2000 else 2000)
        ]
        rrn = f"{birth:%y%m%d}-{century_digit}{generator.randrange(0, 1_000_000):06d}"
        people.append(
            {
                "name": generator.choice(SURNAMES) + generator.choice(GIVEN),
                "birth_date": birth,
                "sex": sex,
                "rrn": rrn,
                "phone": f"010-{generator.randrange(1000, 10000)}-{number:04d}",
                "district": generator.choice(DISTRICTS),
                "income_status": generator.choice(["none", "none", "regular", "unknown"]),
                "job_seeker_registered": generator.random() < 0.6,
                "basic_livelihood_recipient": generator.random() < 0.1,
                "veteran": generator.random() < 0.03,
                "disability": generator.random() < 0.05,
            }
        )
    return people
