"""The office of the 2018 주요업무보고 (July 2018), transcribed: org units, districts, partners.

Sources, all in the report: the org line ("1정책관 3담당관 15팀") and the 주요기능 table (divisions and their
functions); the 4 기술교육원 table (trustees, locations, contract periods); the public institutions named
in section Ⅲ-2 (정규직화, 노동시간 단축); the trustees of the social-economy centres (Ⅲ-3-①) and of the
전태일 노동복합시설 (Ⅲ-2-③). The report does not name its 15 teams: the teams below are examples named
after the divisions' functions and are marked as such. No figure is invented here.
"""

from datetime import date

CITY = {"code": "SEOUL", "name": "서울특별시", "kind": "city"}
OFFICE = {"code": "JOBS", "name": "일자리노동정책관", "kind": "office", "parent": "SEOUL"}

DIVISIONS = [
    {
        "code": "JOBS-POLICY",
        "name": "일자리정책담당관",
        "functions": [
            "일자리 종합대책 수립 시행, 일자리위원회 운영",
            "상향적 협력적 일자리창출 추진",
            "청년 일자리 종합대책 추진, 청년일자리센터 및 일자리카페 운영",
            "직업훈련계획 수립, 직업훈련시설 관리, 기능경기대회 개최",
            "뉴딜일자리, 공공근로, 지역맞춤형 일자리 사업 추진",
            "서울일자리센터 운영, 중소기업 일자리 발굴 및 취업 지원",
        ],
    },
    {
        "code": "LABOUR-POLICY",
        "name": "노동정책담당관",
        "functions": [
            "노동정책 기본계획 수립·시행, 노동시간 단축 추진",
            "비정규직의 정규직화, 아르바이트 권리 보호",
            "생활임금제 도입 및 민간확산 추진",
            "노사민정 협력 활성화 추진",
            "노동권익센터 운영, 노동단체지원, 시민명예 노동옴부즈만 운영",
        ],
    },
    {
        "code": "SOCIAL-ECONOMY",
        "name": "사회적경제담당관",
        "functions": [
            "사회적경제 생태계 조성 지원",
            "사회적기업 · 협동조합 · 마을기업 육성시책 수립 및 관리·운영",
            "사회투자기금 및 사회성과보상사업 추진",
            "국제사회적경제협의체 운영, 공정무역 활성화 지원",
        ],
        # its functions above: it runs the social investment fund and the social economy's programmes (the SIB)
        "runs_fund": True,
        "runs_social_economy": True,
    },
]

# Example teams: the report counts 15 teams ("1정책관 3담당관 15팀") but names none and does not say how they
# are spread over the divisions. The demo has 15 example teams, five per division, named after the functions.
TEAM_NAMES = {
    "JOBS-POLICY": ["일자리정책팀", "청년일자리팀", "일자리사업팀", "직업능력개발팀", "취업지원팀"],
    "LABOUR-POLICY": ["노동정책팀", "노동협력팀", "노동권익팀", "비정규직개선팀", "생활임금팀"],
    "SOCIAL-ECONOMY": ["사회적경제정책팀", "사회적경제지원팀", "사회투자팀", "공정무역팀", "국제협력팀"],
}
TEAMS = [
    (division, f"{division}-T{number}", f"{name}(예시)")
    for division, names in TEAM_NAMES.items()
    for number, name in enumerate(names, start=1)
]

# Seoul's 25 autonomous districts with their administrative (시군구) codes.
DISTRICTS = [
    ("11110", "종로구"),
    ("11140", "중구"),
    ("11170", "용산구"),
    ("11200", "성동구"),
    ("11215", "광진구"),
    ("11230", "동대문구"),
    ("11260", "중랑구"),
    ("11290", "성북구"),
    ("11305", "강북구"),
    ("11320", "도봉구"),
    ("11350", "노원구"),
    ("11380", "은평구"),
    ("11410", "서대문구"),
    ("11440", "마포구"),
    ("11470", "양천구"),
    ("11500", "강서구"),
    ("11530", "구로구"),
    ("11545", "금천구"),
    ("11560", "영등포구"),
    ("11590", "동작구"),
    ("11620", "관악구"),
    ("11650", "서초구"),
    ("11680", "강남구"),
    ("11710", "송파구"),
    ("11740", "강동구"),
]

PARTNERS = [
    # 투자출연기관 named in section Ⅲ-2 of the report.
    {
        "code": "SEOUL-METRO",
        "name": "서울교통공사",
        "kind": "public_institution",
        "note": "무기계약직 1,285명 정규직 전환 완료('18.3.1.)",
    },
    {
        "code": "SEOUL-CREDIT",
        "name": "서울신용보증재단",
        "kind": "public_institution",
        "note": "서울형 노동시간 단축 시범기관",
    },
    {
        "code": "SEOUL-MEDICAL",
        "name": "서울의료원",
        "kind": "public_institution",
        "note": "서울형 노동시간 단축 시범기관",
    },
    {
        "code": "SH",
        "name": "서울주택도시공사",
        "kind": "public_institution",
        "note": "비정규직 임대주택관리원 384명 정규직 전환 노사합의('18.6.29.)",
    },
    {"code": "SEOUL-FACILITIES", "name": "서울시설공단", "kind": "public_institution", "note": ""},
    {
        "code": "SEOUL-INSTITUTE",
        "name": "서울연구원",
        "kind": "public_institution",
        "note": "사회성과보상사업 발굴·기획·평가지표 수립 수행",
    },
    # Trustees of the 4 technical training institutes (기술교육원).
    {
        "code": "TTI-EAST",
        "name": "(학)경복대학교",
        "kind": "trustee",
        "district": "11740",
        "address": "강동구 고덕동 (동부기술교육원)",
        "supervising_unit": "JOBS-POLICY",
        "entrusted_task": "동부기술교육원 운영",
        "entrusted_from": date(2016, 3, 1),
        "entrusted_until": date(2019, 2, 28),
    },
    {
        "code": "TTI-CENTRAL",
        "name": "명지전문대학 산학협력단",
        "kind": "trustee",
        "district": "11170",
        "address": "용산구 한남동 (중부기술교육원)",
        "supervising_unit": "JOBS-POLICY",
        "entrusted_task": "중부기술교육원 운영",
        "entrusted_from": date(2017, 3, 1),
        "entrusted_until": date(2020, 2, 28),
    },
    {
        "code": "TTI-NORTH",
        "name": "(재)한국능력개발원",
        "kind": "trustee",
        "district": "11350",
        "address": "노원구 상계동 (북부기술교육원)",
        "supervising_unit": "JOBS-POLICY",
        "entrusted_task": "북부기술교육원 운영",
        "entrusted_from": date(2016, 3, 1),
        "entrusted_until": date(2019, 2, 28),
    },
    {
        "code": "TTI-SOUTH",
        "name": "(사)엘림복지회",
        "kind": "trustee",
        "district": None,
        "address": "경기도 군포시 (남부기술교육원)",
        "supervising_unit": "JOBS-POLICY",
        "entrusted_task": "남부기술교육원 운영",
        "entrusted_from": date(2016, 3, 1),
        "entrusted_until": date(2019, 2, 28),
    },
    # Trustees of the social-economy centres and the 전태일 노동복합시설.
    {
        "code": "SE-NETWORK",
        "name": "(사)서울사회적경제네트워크",
        "kind": "trustee",
        "address": "서울혁신파크 1동 1층",
        "supervising_unit": "SOCIAL-ECONOMY",
        "entrusted_task": "서울시사회적경제지원센터 운영",
    },
    {
        "code": "COOP-COUNCIL",
        "name": "서울지역협동조합협의회",
        "kind": "trustee",
        "address": "서울혁신파크 1동 6층",
        "supervising_unit": "SOCIAL-ECONOMY",
        "entrusted_task": "서울시협동조합지원센터 운영",
    },
    {
        "code": "JEONTAEIL",
        "name": "전태일재단",
        "kind": "trustee",
        "district": "11110",
        "address": "종로구 청계천로 105 (전태일 노동복합시설)",
        "supervising_unit": "LABOUR-POLICY",
        "entrusted_task": "전태일 노동복합시설 관리 총괄 및 기념관 전시·운영 (우선협상대상자, '18.4.)",
    },
]
