"""A programme's report text as blocks: added, edited, moved and deleted on its page and through the API, each save
one batch in the history; the renderers (md, html, xlsx, hwpx, pdf) draw a programme's blocks — its table with the
단위 line and its ※ notes — and a programme without blocks is drawn from its facts and milestones as before."""

import html
import re
from datetime import date

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.models import ChangeBatch
from iljari.core.roles import Role
from iljari.core.tests.figure_readers import hwpx_text, md_table_rows, pdf_text, xlsx_sheets
from iljari.plan import services
from iljari.plan.models import Programme, ProgrammeBlock, ProgrammeBlockCell
from iljari.reports.files import report_file

JSON = "application/json"
AS_OF = date(2018, 6, 30)

# 사각지대 노동자 보호 강화 (P2-05) as the 2018 report prints its overview: a line, the shelters' table, a ※ line
SHELTERS_HEAD = "쉼터명 | 규모(m²) | 운영인력 | 주이용대상 | 운영시간 | 일평균 | 비고"
SHELTERS_BODY = "\n".join(
    [
        "서초쉼터 | 151 | 3명 | 대리기사 | 18:00~06:00 | 70명 | '16.3월 개소",
        "북창쉼터 | 300 | 3명 | 퀵서비스노동자 | 08:30~20:00 | 57명 | '17.6월 개소",
        "합정쉼터 | 165 | 5명 | 이동노동자 | 08:30~06:00 | 48명 | '17.11월 개소",
        "상암쉼터 | 250 | 3명 | 미디어 노동자 | 09:30~18:00 | _ | '18. 5월 개소",
    ]
)


@pytest.fixture
def office(personas, dataset_2018):
    return personas


def _transcribe(client) -> Programme:
    """P2-05's overview typed on its page, block by block, as the office would."""
    url = "/plan/programmes/P2-05/blocks/new/"
    client.post(url, {"kind": "paragraph", "marker": "□", "level": "0", "text": "사업개요"})
    client.post(
        url,
        {
            "kind": "table",
            "marker": "○",
            "level": "0",
            "text": "특수고용형태 노동자의 권익개선을 위한 특화된 '休 서울노동자 쉼터' 운영",
            "title": "休 서울노동자 쉼터 현황",
            "unit_line": "('18.6월 기준)",
            "head": SHELTERS_HEAD,
            "body": SHELTERS_BODY,
            "notes": "※ 북창쉼터 장소 이전('18.4월)",
        },
    )
    client.post(
        url, {"kind": "paragraph", "marker": "※", "level": "1", "text": "상암쉼터는 '18.5월 개소로 일평균 미집계"}
    )
    return Programme.objects.get(code="P2-05")


def test_the_programmes_staff_add_a_table_block_with_its_cells(office, client_as):
    programme = _transcribe(client_as(Role.OFFICE_MANAGER))

    blocks = list(programme.blocks.order_by("order"))
    assert [(b.kind, b.marker) for b in blocks] == [("paragraph", "□"), ("table", "○"), ("paragraph", "※")]
    table = blocks[1]
    head = list(table.cells.filter(part="head").order_by("column").values_list("text", flat=True))
    assert head == ["쉼터명", "규모(m²)", "운영인력", "주이용대상", "운영시간", "일평균", "비고"]
    assert table.cells.filter(part="body").count() == 4 * 7
    assert table.note_lines == ["※ 북창쉼터 장소 이전('18.4월)"]
    batch = ChangeBatch.objects.filter(kind="plan.block").order_by("pk")[1]  # the table's save
    cells = LogEntry.objects.filter(cid=batch.cid, content_type=ContentType.objects.get_for_model(ProgrammeBlockCell))
    assert cells.count() == 5 * 7


def test_spans_are_read_from_the_cells_text(office):
    manager = office[Role.OFFICE_MANAGER]
    programme = Programme.objects.get(code="P2-05")

    block = services.programme_block_save(
        actor=manager,
        programme=programme,
        kind="table",
        title="예산",
        head=[[{"text": "구분", "rowspan": 2}, {"text": "예산", "colspan": 2}], [{"text": "시비"}, {"text": "국비"}]],
        body=[[{"text": "합계"}, {"text": "10"}, {"text": "5"}]],
    )

    spans = {(c.part, c.row, c.column): (c.colspan, c.rowspan) for c in block.cells.all()}
    assert spans[("head", 1, 1)] == (1, 2) and spans[("head", 1, 2)] == (2, 1)


def test_the_edit_form_reads_spans_written_in_braces(office, client_as):
    client = client_as(Role.OFFICE_MANAGER)

    client.post(
        "/plan/programmes/P2-05/blocks/new/",
        {
            "kind": "table",
            "level": "0",
            "title": "예산",
            "head": "구분{행 2} | 예산{열 2}\n시비 | 국비",
            "body": "합계 | 10 | 5",
        },
    )

    block = ProgrammeBlock.objects.get(programme__code="P2-05", title="예산")
    first = block.cells.get(part="head", row=1, column=1)
    second = block.cells.get(part="head", row=1, column=2)
    assert (first.text, first.rowspan, second.text, second.colspan) == ("구분", 2, "예산", 2)
    edit = client.get(f"/plan/blocks/{block.pk}/edit/").content.decode()
    assert "구분{행 2} | 예산{열 2}" in edit


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "paragraph", "text": ""}, "문단의 내용을 입력하십시오."),
        ({"kind": "table", "title": "표", "body": ""}, "표의 본문행을 한 행 이상 입력하십시오."),
        ({"kind": "table", "title": "", "body": "a | b"}, "표 제목을 입력하십시오"),
        ({"kind": "flow", "steps": "접수"}, "흐름도의 단계를 두 개 이상 입력하십시오."),
        ({"kind": "table", "title": "표", "body": "a{열 99} | b"}, "열 병합은 1부터 50까지의 숫자여야 합니다."),
    ],
)
def test_a_block_that_does_not_fit_is_refused_and_nothing_is_written(office, client_as, data, message):
    response = client_as(Role.OFFICE_MANAGER).post("/plan/programmes/P2-05/blocks/new/", {"level": "0", **data})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ProgrammeBlock.objects.filter(programme__code="P2-05").exists()
    assert not ProgrammeBlockCell.objects.exists()


def test_blocks_move_edit_and_delete_on_the_page(office, client_as):
    client = client_as(Role.OFFICE_MANAGER)
    programme = _transcribe(client)
    first, table, note = programme.blocks.order_by("order")

    client.post(f"/plan/blocks/{note.pk}/move/", {"direction": "up"})
    assert list(programme.blocks.order_by("order", "pk").values_list("pk", flat=True)) == [first.pk, note.pk, table.pk]
    client.post(
        f"/plan/blocks/{table.pk}/edit/",
        {"kind": "table", "level": "0", "title": "쉼터", "head": "쉼터명 | 일평균", "body": "서초쉼터 | 70명"},
    )
    assert ProgrammeBlockCell.objects.filter(block=table).count() == 4
    response = client.post(f"/plan/blocks/{first.pk}/delete/")
    assert response.status_code == 302 and response["Location"] == "/plan/programmes/P2-05/#text-title"
    assert list(programme.blocks.values_list("pk", flat=True).order_by("order")) == [note.pk, table.pk]
    deleted = (
        LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(ProgrammeBlock), object_pk=str(first.pk))
        .order_by("pk")
        .last()
    )
    assert deleted.action == LogEntry.Action.DELETE and deleted.actor == office[Role.OFFICE_MANAGER]


def test_division_staff_of_another_division_cannot_touch_its_blocks(office, client_as):
    programme = _transcribe(client_as(Role.OFFICE_MANAGER))  # P2-05 is 노동정책담당관's; the staff are 일자리정책
    block = programme.blocks.first()

    staff = client_as(Role.DIVISION_STAFF)
    assert staff.post("/plan/programmes/P2-05/blocks/new/", {"kind": "paragraph", "text": "x"}).status_code == 403
    assert staff.post(f"/plan/blocks/{block.pk}/delete/").status_code == 403
    assert staff.post(f"/plan/blocks/{block.pk}/edit/", {"kind": "paragraph", "text": "x"}).status_code == 403
    assert staff.post(f"/plan/blocks/{block.pk}/move/", {"direction": "down"}).status_code == 403
    assert staff.get(f"/plan/blocks/{block.pk}/edit/").status_code == 403
    with pytest.raises(NotAllowed):
        services.programme_block_delete(actor=office[Role.DIVISION_STAFF], block=block)
    assert programme.blocks.count() == 3


def test_the_api_adds_changes_moves_and_deletes_a_block(office, client_as):
    client = client_as(Role.OFFICE_MANAGER)
    table = {
        "kind": "table",
        "title": "쉼터",
        "unit_line": "(단위 : 명)",
        "head": [[{"text": "쉼터명"}, {"text": "일평균"}]],
        "body": [[{"text": "서초쉼터"}, {"text": "70명"}]],
        "notes": ["※ 상암 미집계"],
    }

    first = client.post(
        "/api/plan/programmes/P2-05/blocks", {"kind": "flow", "steps": ["접수", "심사", "선정"]}, content_type=JSON
    )
    made = client.post("/api/plan/programmes/P2-05/blocks", table, content_type=JSON)
    assert (first.status_code, made.status_code) == (201, 201), made.content
    block = made.json()
    assert block["head"] == [
        [{"text": "쉼터명", "colspan": 1, "rowspan": 1}, {"text": "일평균", "colspan": 1, "rowspan": 1}]
    ]
    changed = client.put(f"/api/plan/blocks/{block['id']}", {**table, "title": "쉼터 현황"}, content_type=JSON)
    assert changed.json()["title"] == "쉼터 현황"
    moved = client.post(f"/api/plan/blocks/{block['id']}/move", {"direction": "up"}, content_type=JSON)
    assert moved.status_code == 200
    listed = client.get("/api/plan/programmes/P2-05/blocks").json()
    assert [b["kind"] for b in listed] == ["table", "flow"] and listed[1]["steps"] == ["접수", "심사", "선정"]
    assert client.delete(f"/api/plan/blocks/{block['id']}").status_code == 204
    assert [b["kind"] for b in client.get("/api/plan/programmes/P2-05/blocks").json()] == ["flow"]
    bad = client.post("/api/plan/programmes/P2-05/blocks", {"kind": "table", "title": "빈 표"}, content_type=JSON)
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "body"


def test_the_service_refuses_an_unknown_marker(office):
    with pytest.raises(ValidationFailed) as error:
        services.programme_block_save(
            actor=None, programme=Programme.objects.get(code="P2-05"), kind="paragraph", marker="★", text="x"
        )
    assert list(error.value.field_errors) == ["marker"]


# --- the renderers draw the blocks ---------------------------------------------------------------------------


@pytest.fixture
def transcribed(office, client_as):
    return _transcribe(client_as(Role.OFFICE_MANAGER))


def _file(user, fmt: str, kind: str = "programme") -> bytes:
    subject = "P2-05" if kind == "programme" else ""
    return report_file(user=user, kind=kind, year=2018, as_of=AS_OF, fmt=fmt, subject=subject).data


def test_the_business_report_in_markdown_prints_the_blocks_instead_of_the_facts(transcribed, office):
    text = _file(office[Role.OFFICE_MANAGER], "md", kind="business").decode()

    section = text[text.index("### ⑤ 사각지대 노동자 보호 강화") :]
    section = section[: section.index("\n### ", 1)]
    assert "□ 사업개요" in section
    assert "**休 서울노동자 쉼터 현황**" in section and "('18.6월 기준)" in section
    assert ["북창쉼터", "300", "3명", "퀵서비스노동자", "08:30~20:00", "57명", "'17.6월 개소"] in md_table_rows(text)
    assert "※ 북창쉼터 장소 이전('18.4월)" in section
    assert "※ 상암쉼터는 '18.5월 개소로 일평균 미집계" in section
    # a programme without blocks is still drawn from its facts and milestones
    other = text[text.index("### ④ ") :]
    assert "#### □ 사업개요" in other[: other.index("\n### ", 1)]


@pytest.mark.parametrize("fmt", ["html", "xlsx", "hwpx", "pdf"])
def test_every_renderer_draws_the_blocks_table_and_note(transcribed, office, fmt):
    data = _file(office[Role.OFFICE_MANAGER], fmt)

    if fmt == "html":
        text = html.unescape(data.decode())
        assert re.search(r"<td[^>]*>퀵서비스노동자</td>", text)
    elif fmt == "xlsx":
        cells = {str(v) for rows in xlsx_sheets(data).values() for row in rows for v in row if v is not None}
        text = "\n".join(cells)
        assert "퀵서비스노동자" in cells
    elif fmt == "hwpx":
        text = hwpx_text(data)
        assert "퀵서비스노동자" in text.splitlines()
    else:
        text = pdf_text(data)
        assert "퀵서비스노동자" in text
    assert "북창쉼터 장소 이전" in text and "※" in text
    assert "('18.6월 기준)" in text


def test_a_flow_is_drawn_as_its_steps_in_order(office):
    programme = Programme.objects.get(code="P2-05")
    services.programme_block_save(
        actor=None, programme=programme, kind="flow", marker="○", text="선정 절차", steps=["접수", "서면심사", "선정"]
    )

    text = _file(office[Role.OFFICE_MANAGER], "md").decode()

    assert "- ○ 선정 절차" in text
    assert "접수 → 서면심사 → 선정" in text.splitlines()  # a flow, drawn as boxes and arrows in html, pdf and hwpx
