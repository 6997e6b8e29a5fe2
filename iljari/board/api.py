"""board API (/api/board): 공지사항 and 자주 묻는 질문 — read by anyone (no login, as the pages), written by the office
through the same services as the staff's pages."""

from datetime import date, datetime, time

from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from iljari.board import selectors, services
from iljari.board.models import FaqEntry, Notice
from iljari.core.api import Pages
from iljari.core.figures import OFFICE_DATE, SEARCH_LENGTH, IdPath

router = Router(tags=["공지사항·자주 묻는 질문"])


class BoardNoticeOut(Schema):
    id: int
    title: str
    category: str
    category_label: str = Field(..., alias="get_category_display")
    body: str
    pinned: bool
    posted_from: datetime
    posted_until: datetime | None
    attachment_name: str


class BoardNoticeIn(Schema):
    title: str = Field(..., max_length=200)
    category: Notice.Category = Notice.Category.GENERAL
    body: str = Field(..., max_length=20000)
    pinned: bool = False
    posted_from: OFFICE_DATE.schema() | None = Field(None, description="게시 시작일(그날 0시부터, 비우면 지금부터)")
    posted_until: OFFICE_DATE.schema() | None = Field(
        None, description="게시 끝나는 날(그날 24시까지, 비우면 내릴 때까지)"
    )


class BoardNoticeFilter(Schema):
    q: str = Field("", max_length=SEARCH_LENGTH)
    category: Notice.Category | None = None


class BoardFaqOut(Schema):
    id: int
    category: str
    category_label: str = Field(..., alias="get_category_display")
    question: str
    answer: str
    order: int


class BoardFaqIn(Schema):
    category: FaqEntry.Category
    question: str = Field(..., max_length=300)
    answer: str = Field(..., max_length=10000)
    order: int = Field(0, ge=0, le=999)


class BoardFaqFilter(Schema):
    q: str = Field("", max_length=SEARCH_LENGTH)
    category: FaqEntry.Category | None = None


def _day_start(day: date | None) -> datetime | None:
    return timezone.make_aware(datetime.combine(day, time.min)) if day else None


def _notice_values(payload: BoardNoticeIn) -> dict:
    values = payload.dict()
    values["category"] = str(values["category"].value if hasattr(values["category"], "value") else values["category"])
    values["posted_from"] = _day_start(values["posted_from"])
    until = values["posted_until"]
    values["posted_until"] = _day_start(date.fromordinal(until.toordinal() + 1)) if until else None
    return values


@router.get("/notices", auth=None, response=list[BoardNoticeOut], summary="공지사항 목록(게시 중, 고정 먼저)")
@paginate(Pages, page_size=20)
def notice_list(request, filters: Query[BoardNoticeFilter]):
    category = filters.category.value if filters.category else ""
    return selectors.notice_public_list(query=filters.q, category=category).order_by("-pinned", "-posted_from", "-pk")


@router.get("/notices/{notice_id}", auth=None, response=BoardNoticeOut, summary="공지사항 한 건")
def notice_get(request, notice_id: IdPath):
    return selectors.notice_public_get(pk=notice_id)


@router.post("/notices", response={201: BoardNoticeOut}, summary="공지사항 쓰기")
def notice_create(request, payload: BoardNoticeIn):
    return Status(201, services.notice_save(actor=request.auth, **_notice_values(payload)))


@router.post("/notices/{notice_id}/retire", response=BoardNoticeOut, summary="공지사항 내리기")
def notice_retire(request, notice_id: IdPath):
    notice = selectors.notice_get(user=request.auth, pk=notice_id)
    return services.notice_retire(actor=request.auth, notice=notice)


@router.get("/faq", auth=None, response=list[BoardFaqOut], summary="자주 묻는 질문(분류·순서대로)")
def faq_list(request, filters: Query[BoardFaqFilter]):
    category = filters.category.value if filters.category else ""
    return selectors.faq_public_list(query=filters.q, category=category)


@router.post("/faq", response={201: BoardFaqOut}, summary="자주 묻는 질문 쓰기")
def faq_create(request, payload: BoardFaqIn):
    values = payload.dict()
    values["category"] = str(values["category"].value)
    return Status(201, services.faq_save(actor=request.auth, **values))


@router.post("/faq/{entry_id}/retire", response=BoardFaqOut, summary="자주 묻는 질문 내리기")
def faq_retire(request, entry_id: IdPath):
    entry = selectors.faq_get(user=request.auth, pk=entry_id)
    return services.faq_retire(actor=request.auth, entry=entry)
