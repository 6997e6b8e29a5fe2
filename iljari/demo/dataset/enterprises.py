"""The enterprises figures of the 2018 report (주요업무보고), transcribed; names are generated, counts are real.

- 사회적경제기업('18.6월): 총 4,199개 (사회적기업 617개, 협동조합 3,265개, 마을기업 108개, 기타 209개)
- 서울형 강소기업 공모·선정: 공모기간 '18.5.14.(월) ~ 6.1.(금);
  (접수) 541개 → (서면심사) 241개 통과 → (면접) 100개 선정;
  (면접) 7.17.(화)~7.18.(수); 선정기준: 고용안정성, 일생활 균형제도 운영, 적정임금 수준 등;
  육아휴직자 대체 청년인턴(총 50명, 최대 23개월)
- 공공구매: 1,300억원('18년 목표); '18년도 공공구매 실적(5월말) : 349억원

What the report does not give and the demo had to choose is marked ASSUMED (never a figure of the report): the
criteria's points, the announcement date, the split of the 349억원 over months, buyers and categories.
"""

from datetime import date

SOCIAL_ECONOMY_AS_OF = date(2018, 6, 30)
SOCIAL_ECONOMY_2018 = {  # Certification.Kind → organisations
    "social_enterprise": 617,
    "cooperative": 3_265,
    "village_enterprise": 108,
    "other_social_economy": 209,
}
SOCIAL_ECONOMY_TOTAL_2018 = 4_199

STRONG_SME_APPLIED = 541
STRONG_SME_PASSED_DOCUMENT_REVIEW = 241
STRONG_SME_SELECTED = 100
STRONG_SME_INTERNS = 50
STRONG_SME_INTERN_MAX_MONTHS = 23
STRONG_SME_OPENS = (2018, 5, 14, 9)
STRONG_SME_CLOSES = (2018, 6, 1, 18)
STRONG_SME_ANNOUNCE = date(2018, 7, 31)  # ASSUMED: the report says '18.7월~ after the 7.17.~7.18. interviews
STRONG_SME_CRITERIA = [  # ASSUMED points; the report names the criteria only
    ("stability", "고용안정성", 40),
    ("balance", "일생활 균형제도 운영", 30),
    ("wage", "적정임금 수준", 30),
]

PROCUREMENT_TARGET_2018 = 130_000_000_000  # 1,300억원
PROCUREMENT_END_OF_MAY_2018 = 34_900_000_000  # 349억원
PROCUREMENT_MONTH_SHARES = {1: 15, 2: 17, 3: 21, 4: 22, 5: 25}  # ASSUMED split (percent) of the 349억원

NAME_PARTS = {
    "social_enterprise": (
        "사회적기업",
        ["행복", "나눔", "함께", "희망", "푸른", "햇살", "다솜", "이음", "온누리", "새봄"],
    ),
    "cooperative": ("협동조합", ["마을", "우리", "두레", "한살림", "공감", "모두", "손잡고", "열린", "살림", "새싹"]),
    "village_enterprise": (
        "마을기업",
        ["골목", "동네", "이웃", "텃밭", "장터", "사랑방", "공방", "마실", "품앗이", "정"],
    ),
    "other_social_economy": (
        "사회적경제",
        ["자활", "나래", "소셜", "상생", "더불어", "누리", "빛", "미래", "한뜻", "가온"],
    ),
    "company": ("(주)", ["강소", "한빛", "스마트", "그린", "에코", "테크", "바른", "큰별", "참", "누리"]),
}
TOUR_ARTICLES = [
    (
        "유연근무로 청년이 오래 다니는 회사",
        "출퇴근 시간을 직원이 고르는 회사를 찾아가 보았습니다.",
        "김청년",
        "youth_reporter",
    ),
    (
        "육아휴직 뒤에도 제자리로",
        "육아휴직자 대체 청년인턴으로 자리를 비우지 않고 복귀를 돕습니다.",
        "일자리정책과",
        "staff",
    ),
]
