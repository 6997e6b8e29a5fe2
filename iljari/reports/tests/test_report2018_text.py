# ruff: noqa: E501  (the report's lines are transcribed whole)
"""Part Ⅲ of the rebuilt 2018 주요업무보고, drawn from the programmes' blocks (demo/dataset/report2018_text.py),
against the printed report: each table of Ⅲ cell by cell, and each ※ note of the report as a note (a ※ paragraph
or a line under a table), never as a "-" item.

The expected cells and notes below are written from the printed report, not from the dataset file. The markdown
renderer flattens a table to one header row (a merged header's labels joined, top to bottom) and writes a merged
body cell in its first row and column, the cells it covers left empty."""

import re
import subprocess
from datetime import date

import pytest

from iljari.core.roles import Role
from iljari.core.tests.figure_readers import md_table_rows
from iljari.demo.report2018_text_loader import load_report2018_text
from iljari.plan.models import Programme, ProgrammeBlock
from iljari.reports.files import report_file

AS_OF = date(2018, 6, 30)

# title printed above the table -> (단위 line or "", rows as the markdown writes them: header first)
TABLES = {
    "청년일자리센터 운영개요": (
        "",
        [  # no header row: the labels are the first column (an empty header line is no row)
            ["주요 시설", "취업상담창구, 스터디룸 13, 멘토링실 5, 세미나실 1, 다목적홀 등"],
            ["운영 시간", "평일 오전9시~오후9시 / 토요일 오전10시~오후6시"],
            ["주요 서비스", "커뮤니티 공간 대여, 모의 면접, 취업특강 등 취업서비스 무료 제공"],
        ],
    ),
    "뉴딜일자리 사업규모": (
        "(단위 : 명)",
        [
            [
                "구분",
                "합계",
                "서울시 추진사업",
                "자치구",
                "민간공모 사업 소계",
                "민간공모 사업 市사업부서 민간공모",
                "민간공모 사업 공공 특화분야",
                "민간공모 사업 민간기업 맞춤형",
                "민간공모 사업 청년 아이디어",
            ],
            ["인원", "4,655", "2,655", "700", "1,300", "300", "300", "400", "300"],
        ],
    ),
    "4개 기술교육원 현황": (
        "",
        [
            ["구분", "동부", "중부", "북부", "남부"],
            ["위치", "강동구 고덕동", "용산구 한남동", "노원구 상계동", "경기도 군포시"],
            ["위탁법인", "(학)경복대학교", "명지전문대학 산학협력단", "(재)한국능력개발원", "(사)엘림복지회"],
            ["현위탁기간", "'16.3.1~'19.2.28", "'17.3.1~'20.2.28", "'16.3.1~'19.2.28", "'16.3.1~'19.2.28"],
        ],
    ),
    "국제포럼 주요 프로그램": (
        "",
        [
            ["구분", "구분", "주제 및 내용"],
            ["세션", "①", "『더 좋은 일자리를 위한 실천들』"],
            ["", "", "노동시장의 차별, 격차, 배제가 아닌 좋은 일자리모델"],
            ["", "②", "『노동의 미래와 유니온 시티』"],
            ["", "", "4차 산업시대, 비표준적 계약과 고용관계변화에 대한 대응과 해법"],
            ["", "③", "『좋은 일자리를 위한 도시의 역할』"],
            ["", "", "좋은 일자리 도시 모델 구상과 실천"],
            ["공식행사", "", "개막식 / 폐막식"],
        ],
    ),
    "전태일 노동복합시설 층별용도(안)": (
        "",
        [
            ["층별", "용도"],
            ["1층", "전태일 기념 공간(수장고), 주차장, 기계실 등"],
            ["2층", "전태일 기념 공간(공연장, 사무공간)"],
            ["3층", "전태일 기념 공간(전시실, 체험장, 교육장)"],
            ["4층", "노동 허브"],
            ["5층", "서울노동권익센터"],
            ["6층", "사무 및 휴게공간"],
        ],
    ),
    "休 서울노동자 쉼터 현황": (
        "",
        [
            ["쉼터명", "규모(m²)", "운영인력", "주이용대상", "운영시간", "일평균", "비고"],
            ["서초쉼터", "151", "3명", "대리기사", "18:00~06:00", "70명", "'16.3월 개소"],
            ["북창쉼터", "300", "3명", "퀵서비스노동자", "08:30~20:00", "57명", "'17.6월 개소"],
            ["합정쉼터", "165", "5명", "이동노동자", "08:30~06:00", "48명", "'17.11월 개소"],
            ["상암쉼터", "250", "3명", "미디어 노동자", "09:30~18:00", "-", "'18.5월 개소"],
        ],
    ),
}

# The report's ※ notes, each under its programme (the two the first rebuild lost among them)
NOTES = {
    "P1-01": [
        "'16~17년(기선정) : 297개, '18년(예정) : 100개, '19~'22년(예정) : 600개(150개/연)",
        "공모기간 : '18.5.14.(월) ~ 6.1.(금)(3주간)",
        "'17년 = 1.7:1",
    ],
    "P1-03": ["뉴딜일자리 참여자 취업률 : 2016년 52.0% ⇒ 2017년 52.9%"],
    "P1-04": ["평가결과 우수사업은 6개월 지원 연장"],
    "P1-05": ["시·구비 50:50 매칭을 원칙으로 하되, 사업성격에 따라 매칭비율 조정"],
    "P1-06": ["시·구 매칭비율 7:3"],
    "P1-07": [
        "훈련대상 : 만15세 이상 서울시민(기초생활수급자, 국가유공자 등 우선 선발)",
        "국비 : 5,008백만원",
        "하반기 직업교육 훈련생 57개학과 1,960명 모집 중(7.9.~8.17.)",
        "수탁기관 공모·선정(11~12월), 계약·협약 심사('19.1월), 협약체결('19.2월), 운영('19.3월~)",
    ],
    "P2-01": [
        "6.29일 서울주택도시공사, 비정규직 임대주택관리원 384명을 정규직 전환하기로 노사합의",
        "「서울시 비정규직 근로자의 무기계약직 전환 등 고용환경 개선 지원 조례」 및 「기간제근로자 관리규정」",
        "채용사유, 인원, 기간, 예산 등의 적정성 등을 심사",
    ],
    "P2-04": [
        "노동법률상담, 노동조합 교육, 근로자 자녀 장학금 지급 등 9개사업 추진 중",
        "노동법·비정규직·단체교섭 등 노사간 갈등분야의 집중 교육 및 토론",
    ],
    "P2-05": ["북창쉼터 장소 이전('18.4월)"],
    "P3-01": [
        "사회적경제기업('18.6월) : 총 4,199개(사회적기업 617개, 협동조합 3,265개, 마을기업 108개, 기타 209개)",
        "사회적경제기업 발굴 및 육성 15,868백만원, 사회적경제지원센터 4,937백만원",
        "공공구매 활성화 379백만원, 사회적경제 인식제고 및 성과관리 440백만원",
        "서울시, 민간 4대부문(사회적기업, 협동조합, 마을기업, 자활기업) 공동개최",
    ],
    "P3-03": [
        "'18년 기금 투·융자사업비 140억원",
        "'18.5월말 기준 채권잔액 : 총 127건, 41,781백만원('18년 원금 회수액 2,020백만원)",
    ],
    "P3-04": ["'18.6월 회원현황 : 서울시(의장도시), 성남시, 수원시, 인천남구, 노원구 등 18개 지자체 및 행정안전부"],
    "P3-05": [
        "소셜벤처 : 기술·경영혁신 등 모험적 방법으로 기업을 경영하면서 사회적 가치와 경제적 이익을 동시에 추구하는 기업모델",
        "'18.8월 자치구 공모를 통해 사업비 지원",
    ],
}


@pytest.fixture
def text_2018(dataset_2018, personas):
    load_report2018_text()
    return personas


@pytest.fixture
def business_md(text_2018):
    user = text_2018[Role.OFFICE_MANAGER]
    return report_file(user=user, kind="business", year=2018, as_of=AS_OF, fmt="md").data.decode()


def _table_rows(text: str, title: str) -> tuple[str, list[list[str]]]:
    """The unit line and rows of the markdown table printed under `**title**`."""
    after = text[text.index(f"**{title}**") + len(title) + 4 :].lstrip("\n")
    parts = after.split("\n\n")
    unit = "" if parts[0].startswith("|") else parts.pop(0)
    return unit, md_table_rows(parts[0])


def test_every_programme_of_part_three_has_its_text(text_2018):
    programmes = Programme.objects.filter(objective__vision__year=2018)

    assert programmes.count() == 21
    assert not programmes.filter(blocks__isnull=True).exists()


def test_each_table_of_part_three_matches_the_printed_report_cell_by_cell(business_md):
    for title, (unit, expected) in TABLES.items():
        assert _table_rows(business_md, title) == (unit, expected), title


def test_the_funds_flow_runs_from_the_city_through_the_intermediaries_to_the_enterprises(text_2018):
    flow = ProgrammeBlock.objects.get(programme__code="P3-03", kind="flow")

    steps = [cell.text for cell in flow.cells.order_by("column")]
    assert steps[0].startswith("市") and steps[2].startswith("수행기관") and steps[-1] == "사회적경제 기업 등"
    assert "이자율 0%" in steps[1] and "이자율 최대 3%" in steps[3]


def test_each_note_of_the_report_is_printed_as_a_note(business_md, text_2018):
    lines = [line.strip().removeprefix("- ").strip() for line in business_md.splitlines()]

    for code, notes in NOTES.items():
        for note in notes:
            assert f"※ {note}" in lines, (code, note)
    assert sum(len(notes) for notes in NOTES.values()) >= 25
    # none of them is a "-" item
    assert not any(line.startswith("\\- ※") for line in lines)


def test_the_sub_headings_are_kept(business_md):
    youth = business_md[business_md.index("### ② 청년 체감 일자리") :]
    youth = youth[: youth.index("\n### ", 1)]
    assert youth.index("#### ① 청년일자리센터 운영") < youth.index("#### □ 운영개요")
    cafe = youth[youth.index("#### ② 청년 생활 밀착형 일자리카페 운영") :]
    assert "- ○ 취업날개서비스 개선을 위한 이용자 만족도 조사 : '18.11월" in cafe

    social = business_md[business_md.index("### ① 체계적인 종합지원으로 사회적경제기업 육성") :]
    assert social.index("#### ① 기업특성별 맞춤형 지원") < social.index("#### ② 사회적경제기업의 공공구매")


def test_loading_twice_keeps_the_blocks_the_office_has(text_2018):
    before = ProgrammeBlock.objects.count()

    load_report2018_text()

    assert ProgrammeBlock.objects.count() == before


# --- every renderer draws them ---------------------------------------------------------------------------------


def _business(user, fmt: str) -> bytes:
    return report_file(user=user, kind="business", year=2018, as_of=AS_OF, fmt=fmt).data


def test_the_hwpx_tables_are_read_back_with_their_cells_by_another_reader(text_2018, tmp_path):
    from hwp_hwpx_parser import Reader  # a reader of its own (not python-hwpx, which writes the file)

    path = tmp_path / "report.hwpx"
    path.write_bytes(_business(text_2018[Role.OFFICE_MANAGER], "hwpx"))
    with Reader(path) as reader:
        tables = [[[cell.strip() for cell in row] for row in table.rows] for table in reader.tables]

    institutes = next(t for t in tables if t and t[0][:2] == ["구분", "동부"])
    assert institutes == [
        ["구분", "동부", "중부", "북부", "남부"],
        ["위치", "강동구 고덕동", "용산구 한남동", "노원구 상계동", "경기도 군포시"],
        ["위탁법인", "(학)경복대학교", "명지전문대학 산학협력단", "(재)한국능력개발원", "(사)엘림복지회"],
        ["현위탁기간", "'16.3.1~'19.2.28", "'17.3.1~'20.2.28", "'16.3.1~'19.2.28", "'16.3.1~'19.2.28"],
    ]
    shelters = next(t for t in tables if t and t[0][0] == "쉼터명")
    assert shelters[2] == ["북창쉼터", "300", "3명", "퀵서비스노동자", "08:30~20:00", "57명", "'17.6월 개소"]
    floors = next(t for t in tables if t and t[0] == ["층별", "용도"])
    assert [row[0] for row in floors[1:]] == ["1층", "2층", "3층", "4층", "5층", "6층"]
    new_deal = next(t for t in tables if t and t[0][0] == "구분" and "4,655" in sum(t, []))
    assert ["인원", "4,655", "2,655", "700", "1,300", "300", "300", "400", "300"] in new_deal


def test_the_hwpx_draws_the_funds_flow_as_a_picture(text_2018):
    import zipfile
    from io import BytesIO

    data = _business(text_2018[Role.OFFICE_MANAGER], "hwpx")
    with zipfile.ZipFile(BytesIO(data)) as package:
        section = package.read("Contents/section0.xml").decode()
    assert "사회투자기금 융자 흐름: 市(시기금) → ① 융자(이자율 0%) → 수행기관(자체자금 매칭)" in section


def test_the_xlsx_has_a_sheet_per_table_with_numbers_as_numbers(text_2018):
    from iljari.core.tests.figure_readers import xlsx_sheets

    sheets = xlsx_sheets(_business(text_2018[Role.OFFICE_MANAGER], "xlsx"))

    for title in TABLES:
        assert any(name.startswith(title[:20]) for name in sheets), title
    new_deal = sheets["뉴딜일자리 사업규모"]
    assert ["인원", 4655, 2655, 700, 1300, 300, 300, 400, 300] in new_deal
    # staffing: 정원 and 현원 in two numeric columns; the divisions' figures sum to the office's
    staffing = sheets["인력 현황"]
    rows = [row for row in staffing if isinstance(row[1], int)]
    total, divisions = rows[0], rows[1:]
    assert all(isinstance(value, int) for value in total[4:6])
    assert total[4] == sum(row[4] for row in divisions if isinstance(row[4], int))
    assert total[1] == sum(row[1] for row in divisions)


def test_a_lost_target_is_an_empty_cell_in_the_xlsx_with_its_note(text_2018):
    from iljari.core.tests.figure_readers import xlsx_sheets

    sheet = xlsx_sheets(_business(text_2018[Role.OFFICE_MANAGER], "xlsx"))["일자리 창출 목표"]

    targets = [row[2] for row in sheet if row and row[0] and row[1] is not None]
    assert all(value is None or isinstance(value, int) for value in targets[1:])
    assert None in targets
    assert any(row and isinstance(row[0], str) and "유실되어 비워 둠" in row[0] for row in sheet)


def test_html_and_pdf_draw_the_funds_flow(text_2018):
    from iljari.core.tests.figure_readers import pdf_text

    user = text_2018[Role.OFFICE_MANAGER]
    page = _business(user, "html").decode()
    assert '<figure class="flow"><figcaption>사회투자기금 융자 흐름</figcaption><svg' in page
    assert '<th scope="row" class="center">주요 시설</th>' in page  # a table without header rows: row headers
    assert (
        page.count(
            "<rect", page.index('<figure class="flow">'), page.index("</figure>", page.index('<figure class="flow">'))
        )
        == 5
    )

    text = pdf_text(_business(user, "pdf"))
    assert "수행기관(자체자금 매칭)" in text and "사회적경제 기업 등" in text


def _broken_words(pdf_lines: list[str], source: str) -> list[str]:
    """Line ends that fall inside a word of the source text: the last word of a line and the first of the next
    make one word of the source, and the source never writes them apart."""
    words = set(source.split())
    broken = []
    for line, after in zip(pdf_lines, pdf_lines[1:], strict=False):
        if not line.split() or not after.split():
            continue
        last, first = line.split()[-1], after.split()[0]
        joined = last + first
        if re.search(r"[가-힣]", joined) and joined in words and f"{last} {first}" not in source:
            broken.append(f"{last}/{first}")
    return broken


def _page_fill(pdf: bytes) -> list[tuple[float, str]]:
    """Per page: how far down its text reaches (0 top, 1 bottom; the page number at the foot left out), and its
    first words. Read with pdftotext -bbox: each word's box."""
    result = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True)  # noqa: S603, S607
    pages = []
    for height, body in re.findall(
        r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', result.stdout.decode(), re.S
    ):
        words = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>', body)
        bottoms = [float(y_max) for y_min, y_max, _ in words if float(y_min) < float(height) * 0.93]
        pages.append((max(bottoms, default=0) / float(height), " ".join(w for *_, w in words[:3])))
    return pages


def test_the_pdf_breaks_lines_only_at_spaces_and_fills_its_pages(text_2018):
    from iljari.core.tests.figure_readers import pdf_text

    user = text_2018[Role.OFFICE_MANAGER]
    source = _business(user, "md").decode()
    pdf = _business(user, "pdf")
    lines = [line.strip() for line in pdf_text(pdf).splitlines()]

    assert _broken_words(lines, source) == []
    # the measure finds a broken word where there is one
    assert _broken_words(["○ 전태일노동복합시설 민간위탁 협약체", "결 : '18.8월"], source) == ["협약체/결"]

    # no page more than half empty but the cover, the contents of Ⅲ, the last page of a part and of the report
    pages = _page_fill(pdf)
    part_starts = {index for index, (_, first) in enumerate(pages) if re.match(r"[ⅠⅡⅢ]\.", first)}
    exempt = {0, len(pages) - 1} | part_starts | {index - 1 for index in part_starts}
    half_empty = [(index + 1, first) for index, (fill, first) in enumerate(pages) if fill < 0.5 and index not in exempt]
    assert half_empty == []
    # no chart stands alone at the top of a page: it is kept with the end of its table
    charts = re.findall(r"\*그림: (.+?)\*", source)
    assert charts and not [first for _, first in pages if any(title.startswith(first) for title in charts)]
    # no page ends with a heading (□, ① …) or a ◆ line: each is kept with what follows it
    last_lines = [[line for line in page.splitlines() if line.strip()][-2:-1] for page in pdf_text(pdf).split("\f")]
    stranded = [line[0].strip() for line in last_lines if line and re.match(r"\s*[□◆①-⑳]", line[0])]
    assert stranded == []


def test_the_goals_are_boxed_the_vision_framed_and_a_tables_lead_line_kept_with_it():
    from iljari.reports.document import Document, Heading, Item, Paragraph, Table
    from iljari.reports.renderers.html import render_html
    from iljari.reports.renderers.pdf import print_style

    document = Document(
        title="보고",
        organisation="일자리노동정책관",
        date_text="2018. 7.",
        blocks=[
            Paragraph("시민행복 일자리 도시 서울", emphasis=True, framed=True),
            Heading(3, "서울시 기술교육원 운영", "⑦"),
            Item("비진학·미취업 청년, 실업자 등 취약계층의 취업능력 제고", marker="◆"),
            Item("서울의 지역산업 수요에 부합하는 맞춤형 인력 양성", marker="◆"),
            Heading(4, "사업개요", "□"),
            Item("4개 기술교육원 현황", marker="○"),
            Table(title="4개 기술교육원 현황", caption="", header=[], body=[]),
        ],
    )

    page = render_html(document)

    assert '<p class="emphasis framed"><strong>시민행복 일자리 도시 서울</strong></p>' in page
    goals = page[page.index('<div class="goals">') : page.index("</div>", page.index('<div class="goals">'))]
    assert goals.count('<p class="item') == 2  # both ◆ lines in one box
    assert '<p class="item lead level-0"><span class="marker">○</span> 4개 기술교육원 현황</p>' in page
    style = print_style()
    assert ".ilj-report .item.lead { break-after: avoid; }" in style
    assert ".ilj-report .goals {" in style and ".ilj-report .framed {" in style


def test_the_hwpx_boxes_the_goals_and_frames_the_vision_with_paragraph_borders():
    import zipfile
    from io import BytesIO
    from xml.etree import ElementTree

    from iljari.reports.document import Document, Heading, Item, Paragraph
    from iljari.reports.renderers.hwpx import render_hwpx

    document = Document(
        title="보고",
        organisation="일자리노동정책관",
        date_text="2018. 7.",
        blocks=[
            Paragraph("시민행복 일자리 도시 서울", emphasis=True, framed=True),
            Heading(3, "서울시 기술교육원 운영", "⑦"),
            Item("비진학·미취업 청년, 실업자 등 취약계층의 취업능력 제고", marker="◆"),
            Item("서울의 지역산업 수요에 부합하는 맞춤형 인력 양성", marker="◆"),
            Item("4개 기술교육원 현황", marker="○"),
        ],
    )
    with zipfile.ZipFile(BytesIO(render_hwpx(document))) as package:
        header = ElementTree.fromstring(package.read("Contents/header.xml"))  # noqa: S314 - our own output
        section = ElementTree.fromstring(package.read("Contents/section0.xml"))  # noqa: S314

    borders = {  # paraPr id -> (its border's fill, connected to the next paragraph's)
        para.get("id"): (border.get("borderFillIDRef"), border.get("connect"))
        for para in header.iter()
        if para.tag.endswith("}paraPr")
        for border in para
        if border.tag.endswith("}border")
    }
    paragraphs = {
        "".join(t.text or "" for t in p.iter() if t.tag.endswith("}t")): p.get("paraPrIDRef")
        for p in section.iter()
        if p.tag.endswith("}p")
    }
    goals = [
        paragraphs[f"◆ {text}"]
        for text in (
            "비진학·미취업 청년, 실업자 등 취약계층의 취업능력 제고",
            "서울의 지역산업 수요에 부합하는 맞춤형 인력 양성",
        )
    ]
    plain = borders[paragraphs["○ 4개 기술교육원 현황"]]
    assert goals[0] == goals[1] and borders[goals[0]][1] == "1"  # one box around both
    assert borders[goals[0]][0] != plain[0] and plain[1] == "0"
    assert borders[paragraphs["시민행복 일자리 도시 서울"]] == borders[goals[0]]


def test_every_figure_of_the_programme_text_is_printed_where_the_report_prints_it(business_md):
    """The figures of part Ⅲ transcribed apart for the figure checks (report2018_figures: each with the phrase it
    stands in) are all in the rebuilt text, spaces, apostrophes and the middle dot's two forms aside (the
    figures of the tables are compared cell by cell above)."""
    from iljari.demo.dataset.report2018_figures import FIGURES

    def bare(text: str) -> str:
        return re.sub(r"[\s'*]", "", text).replace("ㆍ", "·")

    printed = bare(business_md)
    phrases = [
        (code, text) for code, _, _, _, _, text, place, _ in FIGURES if place.startswith("Ⅲ") and "(표)" not in place
    ]
    assert len(phrases) > 60
    missing = [(code, text) for code, text in phrases if bare(text) not in printed]
    assert missing == [], "\n".join(map(str, missing))
