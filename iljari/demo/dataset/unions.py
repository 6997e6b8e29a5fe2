"""서울지역 노동단체 지원 (P2-04) by sub-project, transcribed from the 2018 report (Ⅲ 2-④); the report is never read
at run time.

What the report prints:
- 사업개요: "〈한국노총〉근로자복지관 강당증축 및 노동조합교육 등 9개 사업 지원(2,496백만원)" and
  "〈민주노총〉근로자복지관 이전추진 및 노동실태조사 등 7개 사업 지원(470백만원)".
- 추진현황: "한국노총 서울지역본부 지원 보조금 6월까지 1,157백만원(51%) 교부 ※ 노동법률상담, 노동조합 교육, 근로자
  자녀 장학금 지급 등 9개사업 추진 중" (51% is the report's own slip: 1,157 / 2,496 = 46.4%; performance's figure
  rules flag it).
- 추진계획: "근로자 자녀 장학금 지급 개선 적용 및 한국장학재단 중복지원 검증 : 지속".

The report names four of 한국노총's nine sub-projects and two of 민주노총's seven; the others are named "기타 사업 n"
here (not the report's names). It prints no sub-project's budget: every sub-project's budget is left empty and the
agreements carry the totals (the grants demo, grants_loader). The 1,157백만원 paid by June is recorded there as
tranches at the agreement level (not allocated to a sub-project: the report does not split it). 한국노총's nine are
"추진 중" as printed; 민주노총's state is not printed and is recorded as 추진 중 as well (it counts only in the
seven, which does not depend on the state).

No scholarship round or student is created: the report gives no count of students (the pages work empty and the
tests build their own data).
"""

FKTU_AGREEMENT = "2018-LABOUR-FKTU"
KCTU_AGREEMENT = "2018-LABOUR-KCTU"

# (agreement code, [(title, state, note)]) in the report's order; "기타 사업 n" are not the report's names
SUB_PROJECTS = (
    (
        FKTU_AGREEMENT,
        [
            ("근로자복지관 강당증축", "running", "사업개요·추진계획에 나온 사업"),
            ("노동조합 교육", "running", "사업개요·추진현황에 나온 사업"),
            ("노동법률상담", "running", "추진현황·추진계획에 나온 사업('18.2월~)"),
            ("근로자 자녀 장학금 지급", "running", "추진현황에 나온 사업(한국장학재단 중복지원 검증: 지속)"),
            *[(f"기타 사업 {n}", "running", "보고서에 사업명이 없음") for n in range(1, 6)],
        ],
    ),
    (
        KCTU_AGREEMENT,
        [
            ("근로자복지관 이전추진", "running", "사업개요에 나온 사업"),
            ("노동실태조사", "running", "사업개요에 나온 사업"),
            *[(f"기타 사업 {n}", "running", "보고서에 사업명이 없음") for n in range(1, 6)],
        ],
    ),
)
