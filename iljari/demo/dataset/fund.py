"""The social investment fund (사회투자기금) of the 2018 주요업무보고, transcribed.

Printed by the report (사회적금융 활성화를 위한 사회투자기금 운영):
- '18년 기금규모(市 출연금) 552억원; '18년 기금 투·융자사업비 140억원
- 운용관리: 시 직영 관리('17.4.1.~); '18. 5월말 기준 채권잔액 총 127건, 41,781백만원 ('18년 원금 회수액 2,020백만원)
- '18년 융자규모 총 130억원 (사회적경제기업 등 80억원, 사회주택 50억원), 상·하반기 2회 공모
- 市 → 수행기관 이자율 0%, 수행기관 → 사회적경제기업 등 이자율 최대 3%
- 상반기 융자·비융자사업 수행기관 선정(5.18.~5.31.): 6개 수행기관, 40억원 지원 결정
- 임팩트 투자조합 기금 출자안 시의회 동의(4.9.); 상환유예·이행연기 특약 심의위원회 매월; 상환고지 월 2회 이상,
  미납·연체고지 매월

Not printed, so ASSUMED here and marked so: the intermediaries' names (generated, "(예시)"), how the 40억원 is split
among the six, the date the contributions were paid in (one entry for the total), the overdue rate (연 5%), the
loans' borrowers, terms and dates (generated so that the printed totals come out exactly). The matched money of the
intermediaries is not printed and left empty (미기재).
"""

WON_MILLION = 1_000_000

CONTRIBUTED = 55_200 * WON_MILLION  # '18년 기금규모(市 출연금) 552억원
CONTRIBUTED_ON = (2015, 1, 1)  # ASSUMED: one entry for the total, before the earliest demo loan
PROGRAMME_BUDGET_2018 = 14_000 * WON_MILLION  # 투·융자사업비 140억원
LOANS_2018_ENTERPRISE = 8_000 * WON_MILLION  # 사회적경제기업 등 80억원
LOANS_2018_SOCIAL_HOUSING = 5_000 * WON_MILLION  # 사회주택 50억원

AS_OF = (2018, 5, 31)
OUTSTANDING_LOANS = 127  # 채권잔액 총 127건
OUTSTANDING = 41_781 * WON_MILLION  # 41,781백만원
RECOVERED_2018 = 2_020 * WON_MILLION  # '18년 원금 회수액 2,020백만원 (to '18.5.31.)
MAX_RATE = "3"  # 이자율 최대 3%
OVERDUE_RATE = "5"  # ASSUMED

INTERMEDIARIES = [  # ASSUMED names
    ("FUND-INT-1", "가온사회투자(예시)"),
    ("FUND-INT-2", "나래사회연대금융(예시)"),
    ("FUND-INT-3", "다온신용협동조합(예시)"),
    ("FUND-INT-4", "라온사회적금융(예시)"),
    ("FUND-INT-5", "마루주택금융협동조합(예시)"),
    ("FUND-INT-6", "바른임팩트금융(예시)"),
]
# '18 상반기 선정: 6개 수행기관 40억원; the split is ASSUMED
FIRST_HALF_2018 = [1_000, 800, 700, 600, 500, 400]
FIRST_HALF_2018_SELECTED = (2018, 5, 31)
FIRST_HALF_2018_TOTAL = 4_000 * WON_MILLION
