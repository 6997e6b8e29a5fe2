"""The lists of the economy's pages (core.lists): GSEF members, policy dialogues, spaces and the channels' sales."""

from __future__ import annotations

from iljari.core.lists import Column, ListSpec, Sort

MEMBERS = ListSpec(
    title="GSEF 회원",
    search="이름·나라·도시",
    filters=("kind", "state"),
    sorts=(
        Sort("joined", "가입일", ("joined_on",)),
        Sort("name", "회원 이름", ("name",)),
        Sort("country", "나라", ("country",)),
    ),
    default="joined",
    columns=(
        Column("회원 이름", lambda m: m.name),
        Column("구분", lambda m: m.get_kind_display()),
        Column("나라", lambda m: m.country),
        Column("도시", lambda m: m.city),
        Column("가입일", lambda m: m.joined_on, "date"),
        Column("탈퇴일", lambda m: m.left_on, "date"),
    ),
)

DIALOGUES = ListSpec(
    title="정책대화·국제행사",
    search="행사명·장소·주최",
    filters=("year",),
    sorts=(
        Sort("held", "시작일", ("held_on",)),
        Sort("title", "행사명", ("title",)),
        Sort("participants", "참석 인원", ("participants",), numeric=True),
    ),
    default="held",
    columns=(
        Column("코드", lambda d: d.code),
        Column("행사명", lambda d: d.title),
        Column("구분", lambda d: d.get_kind_display()),
        Column("시작일", lambda d: d.held_on, "date"),
        Column("종료일", lambda d: d.ends_on, "date"),
        Column("장소", lambda d: d.place),
        Column("주최", lambda d: d.host),
        Column("참석 도시·단체", lambda d: d.cities, "int"),
        Column("참석 인원", lambda d: d.participants, "int"),
        Column("예상", lambda d: "예상" if d.expected else ""),
    ),
)

SPACES = ListSpec(
    title="사회적경제 공간",
    search="공간 이름·운영기관",
    filters=("kind", "district"),
    sorts=(
        Sort("name", "공간 이름", ("name",)),
        Sort("kind", "구분", ("kind", "name")),
        Sort("opened", "개소일", ("opened_on",)),
        Sort("tenants", "입주", ("tenants",), numeric=True),
    ),
    default="kind",
    columns=(
        Column("공간 이름", lambda s: s.name),
        Column("구분", lambda s: s.get_kind_display()),
        Column("자치구", lambda s: s.district.name if s.district else ""),
        Column("개소일", lambda s: s.opened_on, "date"),
        Column("폐소일", lambda s: s.closed_on, "date"),
        Column("면적(㎡)", lambda s: s.area, "decimal"),
        Column("운영기관", lambda s: s.operator),
        Column("입주 기업·단체", lambda s: s.tenants, "int"),
    ),
)

SALES = ListSpec(
    title="판로 매출",
    search="기업 이름·판로",
    filters=("year", "as_of", "channel"),
    sorts=(
        Sort("month", "월", ("month",)),
        Sort("organisation", "판매 기업", ("organisation__name",)),
        Sort("amount", "매출액", ("amount",), numeric=True),
    ),
    default="-month",
    columns=(
        Column("월", lambda s: s.month, "date"),
        Column("판로", lambda s: s.channel.name),
        Column("판매 기업", lambda s: s.organisation.name),
        Column("사업자등록번호", lambda s: s.organisation.business_number_text),
        Column("매출액(원)", lambda s: s.amount, "int"),
    ),
)
