"""The social economy's networks and markets in the 2018 report (Ⅲ 3-②, 3-⑤, 3-⑥, 3-⑦ and 3-①'s markets),
transcribed for economy's records. Only what the report prints is a fact here; where it gives a count only, the
records are generated to add up to it, deterministically, with neutral placeholder names, as said below.

- GSEF (Ⅲ 3-⑦): "2014.11.17. 설립, 서울시 의장도시, 회원 도시·단체 43개('18.6월 기준)". The report names no member
  but Seoul (the chair city): Seoul is member 1 (도시, founding day), and the 42 others are placeholders "회원
  도시·단체 2" … "회원 도시·단체 43" of kind 구분 미상, each joined on the founding day (the report gives neither
  their kinds nor their joining days), so 43 stand on '18.6.30. No dues are printed (the programme's ₩893m budget
  is the city's, not the members' dues): none are recorded.
- The policy dialogues of 2018 as the report lists them: the CITIES 서울 워크숍 (4월: no day printed, recorded on
  4.1. and said so in its note), the 제5차 아시아 정책대화 (서울, 7.5~6, "20여개 도시·단체 … 50여 명"), the GSEF
  2018 포럼 and 제3차 회원 총회 (10.1~3, 빌바오, "300여개 도시·단체 … 1,500여명 참석 예상"), the UN HLPF side
  event (7.17.) and the continental dialogues (아프리카 10월, 유럽 11월: recorded on the 1st, said so). The dialogues
  after '18.6.30. carry the numbers the report expects (`expected`).
- 공정무역도시 (Ⅲ 3-⑥): the five criteria of "5개 기준 : 공정무역 지원조례 제정 및 위원회 구성·운영, 제품 판매처
  확보 및 지역과 생활공간에서의 공정무역 공동체 선언, 캠페인·홍보 등을 통한 시민참여" split into five (조례 제정;
  위원회 구성·운영; 판매처 확보; 공동체 선언; 시민참여), and the certification "5개 기준 달성을 통한 인증 획득 :
  '18.6.11". The report dates no criterion apart: each criterion's evidence is the certification of '18.6.11.
- Spaces (Ⅲ 3-②): "사회적경제 활성화 공간 … ('18년 현재 12개소)" and the indicator 사회적경제 클러스터
  공간조성(누계) 11 ('16) → 12 ('17): twelve placeholder spaces "사회적경제 활성화 공간 1" … "12", the first
  eleven opened on '16.12.31. and the twelfth on '17.12.31. (the report gives neither names, districts nor days;
  the days are the last of the year the indicator counts them in). "자치구 사회적경제 통합지원센터 4년차(8개소)":
  eight placeholder centres opened on '15.1.1. (their fourth year is 2018). The 소셜벤처 허브센터 (Ⅲ 3-⑤) is
  chosen by the districts' call of '18.8월: recorded without an opening day, so as of '18.6.30. there is no hub
  and no tenant.
- 특구 (Ⅲ 3-②: "'18년 본사업 11개구", "특구 3년차(6개소)") are grants' staged funding (demo/districts_loader.py).
- Markets (Ⅲ 3-①): the 사회적경제 온라인 쇼핑몰 함께누리몰 and the 덕수궁 장터. The report prints no sales figure
  for either: no sale is recorded.
"""

from datetime import date

AS_OF = date(2018, 6, 30)
GSEF_FOUNDED = date(2014, 11, 17)
GSEF_MEMBERS = 43
GSEF_CHAIR = {"name": "서울특별시", "kind": "city", "country": "대한민국", "city": "서울", "note": "의장도시"}

# (code, title, kind, held_on, ends_on, place, host, cities, participants, expected, note)
DIALOGUES = [
    (
        "CITIES-SEOUL-2018",
        "사회적경제 국제지식전수센터(CITIES) 서울 워크숍",
        "workshop",
        date(2018, 4, 1),
        None,
        "서울",
        "GSEF",
        None,
        None,
        False,
        "보고서: 4월 개최(날짜 미상: 그 달 1일로 기록). 퀘벡 금융 전문가들의 사회적경제 조직분석 기법 사례 소개",
    ),
    (
        "GSEF-ASIA-5",
        "제5차 아시아 정책대화(사회적금융 정책 공유 및 협력)",
        "dialogue",
        date(2018, 7, 5),
        date(2018, 7, 6),
        "서울",
        "GSEF",
        20,
        50,
        True,
        "보고서: 싱가포르, 홍콩, 일본 등 20여개 도시·단체의 정책담당자, 사회적경제 실천가 50여 명",
    ),
    (
        "HLPF-2018",
        "UN 고위급 정치포럼 부대행사",
        "side_event",
        date(2018, 7, 17),
        None,
        "",
        "GSEF",
        None,
        None,
        False,
        "",
    ),
    (
        "GSEF-2018",
        "GSEF 2018 포럼 및 제3차 회원 총회",
        "forum",
        date(2018, 10, 1),
        date(2018, 10, 3),
        "스페인 빌바오",
        "GSEF",
        300,
        1500,
        True,
        "보고서: 2년마다 개최되는 국제포럼, 국내외 300여개 도시·단체에서 1,500여명 참석 예상",
    ),
    (
        "GSEF-AFRICA-2018",
        "대륙별 정책대화(아프리카)",
        "dialogue",
        date(2018, 10, 1),
        None,
        "",
        "GSEF",
        None,
        None,
        False,
        "보고서: 10월 개최 예정(날짜 미상: 그 달 1일로 기록)",
    ),
    (
        "GSEF-EUROPE-2018",
        "대륙별 정책대화(유럽)",
        "dialogue",
        date(2018, 11, 1),
        None,
        "",
        "GSEF",
        None,
        None,
        False,
        "보고서: 11월 개최 예정(날짜 미상: 그 달 1일로 기록)",
    ),
]

FAIR_TRADE_CRITERIA = [
    (1, "공정무역 지원조례 제정"),
    (2, "공정무역 위원회 구성·운영"),
    (3, "공정무역 제품 판매처 확보"),
    (4, "지역과 생활공간에서의 공정무역 공동체 선언"),
    (5, "캠페인·홍보 등을 통한 시민참여"),
]
FAIR_TRADE_CERTIFIED = date(2018, 6, 11)
FAIR_TRADE_TITLE = "공정무역도시, 서울"

CLUSTER_SPACES = 12
CLUSTER_OPENED = [date(2016, 12, 31)] * 11 + [date(2017, 12, 31)]
CENTRES_YEAR4 = 8
CENTRES_OPENED = date(2015, 1, 1)
HUB = {
    "name": "소셜벤처 허브센터",
    "note": "'18.8월 자치구 공모로 조성·위탁 운영 예정('18년 600백만원). '18.6.30. 현재 개소 전.",
}

CHANNELS = [
    ("HAMKKE-NURI", "함께누리몰", "online_mall", "사회적경제 온라인 쇼핑몰"),
    ("DEOKSUGUNG", "덕수궁 장터", "market", "덕수궁 돌담길 사회적경제 장터"),
]
