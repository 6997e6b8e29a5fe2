"""The service points of the social economy (Ⅲ 3-① 서울시사회적경제지원센터 및 협동조합센터 운영), the emotional-labour
centre (Ⅲ 2-⑤) and the 일자리카페's 취업날개 suit rental (Ⅲ 1-② ② 청년 생활 밀착형 일자리카페 운영), as the 2018 report
prints them ('18.6.30.).

Printed (transcribed below):
- 서울시사회적경제지원센터 (서울혁신파크 1동1층, (사)서울사회적경제네트워크에 민간위탁): 경영지원 200건, 아카데미 교육
  지원 8건, 마을기업 교육·상암소셜박스 활성화 프로그램 운영 51회.
- 서울시협동조합지원센터 (서울혁신파크 1동6층, 서울지역협동조합협의회에 민간위탁): 전화, 방문 및 맞춤상담 4,632건
  (일평균 38.6건); (예비)협동조합 및 조합원 교육 10개 과정 1,277명; 창업코칭 27회, 성장 지원 33회.
- 서울시 감정노동보호센터 발족 '18년 8월중 (the day is not printed: 8.1. is recorded as the first day it may take
  records); 민간부문 감정노동종사자 상담 및 치유프로그램 운영 '18.12월까지 — no count is printed, and as of 6.30. it
  has none.
- 취업날개서비스: only the users' satisfaction survey ('18.11월) is printed, no count: the demo's few rentals feed no
  printed figure.

The report gives totals only. Synthetic (the loader, iljari/demo/points_loader.py, seeded): every client and trainee
is anonymous; the split of the consultations over days and channels (전화·방문·맞춤); the days of counselling —
4,632 ÷ 38.6 = 120 days, while '18.1.1.~6.30. has 122 working days (weekdays less the 8 weekday holidays, the
6.13. election included), so the demo counsels on the last 120 of them (none on 1.2. and 1.3.), 72 days of 39 and
48 of 38 consultations; the courses' titles, days and sizes (7 of 128 and 3 of 127 people = 1,277, three sessions
each, every trainee at the first); the split of the 51 sessions (마을기업 교육 21, 상암소셜박스 활성화 30); the
centres' opening hours (weekdays 09–18); the café's name, hours, stock and rentals.
"""

from datetime import date

AS_OF = date(2018, 6, 30)

SOCIAL_ECONOMY_CENTRE = {
    "code": "SE-CENTRE",
    "name": "서울시사회적경제지원센터",
    "partner": "SE-NETWORK",  # (사)서울사회적경제네트워크
    "management": 200,  # 경영지원(200건)
    "academy_support": 8,  # 아카데미 교육 지원(8건)
    "programme_sessions": 51,  # 마을기업 교육, 상암소셜박스 활성화 프로그램 운영(51회)
}

COOP_CENTRE = {
    "code": "COOP-CENTRE",
    "name": "서울시협동조합지원센터",
    "partner": "COOP-COUNCIL",  # 서울지역협동조합협의회
    "consultations": 4_632,  # 전화, 방문 및 맞춤상담 4,632건
    "daily": "38.6",  # 일평균 38.6건
    "courses": 10,  # 10개과정
    "trainees": 1_277,  # 1,277명
    "startup_coaching": 27,  # 창업코칭 27회
    "growth_support": 33,  # 성장 지원 33회
}

EMOTIONAL_LABOUR_CENTRE = {
    "code": "EMOTIONAL-LABOUR",
    "name": "서울시 감정노동보호센터",
    "opened_on": date(2018, 8, 1),  # 발족 '18년 8월중 (the day is not printed)
    "healing_programme": "민간부문 감정노동종사자 상담 및 치유프로그램",
}

JOB_CAFE = {
    "code": "JOB-CAFE-WINGS",
    "name": "일자리카페 취업날개(데모)",  # the report names no café: the demo's own
    "rental_days": 4,  # 3박4일
    "rentals_per_year": 10,
}
