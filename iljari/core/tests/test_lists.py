"""core.lists: whatever the address bar holds, a list reads a whitelisted sort, a direction and a bounded search,
never an error; the header links sort by a column or turn its direction round and keep everything else."""

from urllib.parse import parse_qs

from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st

from iljari.core.lists import SEARCH_MAX, ListSpec, Sort, list_read

SPEC = ListSpec(
    title="시험 목록",
    search="이름",
    filters=("status",),
    sorts=(Sort("name", "이름", ("name",)), Sort("score", "점수", ("total",), numeric=True)),
    default="-score",
)
text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=80)


@given(q=text, sort=text | st.sampled_from(["name", "score", "pk", "-name"]), direction=text | st.just("desc"))
def test_any_query_reads_as_a_whitelisted_sort(q, sort, direction):
    listing = list_read(RequestFactory().get("/", {"q": q, "sort": sort, "dir": direction}), SPEC)
    assert listing.sort in SPEC.sorts and len(listing.q) <= SEARCH_MAX
    assert listing.q == listing.q.strip() and "  " not in listing.q
    if sort not in ("name", "score"):
        assert (listing.sort.key, listing.descending) == ("score", True)  # the default
    else:
        assert (listing.sort.key, listing.descending) == (sort, direction == "desc")


def test_a_header_sorts_by_its_column_or_turns_the_direction_round_keeping_the_rest():
    request = RequestFactory().get("/", {"q": "김", "status": "selected", "sort": "name", "dir": "asc", "page": "3"})
    listing = list_read(request, SPEC)
    name, score = listing.header("name"), listing.header("score")
    assert (name["aria_sort"], score["aria_sort"]) == ("ascending", "")
    assert parse_qs(name["href"][1:]) == {"q": ["김"], "status": ["selected"], "sort": ["name"], "dir": ["desc"]}
    assert parse_qs(score["href"][1:]) == {"q": ["김"], "status": ["selected"], "sort": ["score"], "dir": ["asc"]}
    assert listing.hidden == [("sort", "name"), ("dir", "asc")]  # the search form has q and status itself
    assert "page" not in listing.export_query and "q=%EA%B9%80" in listing.export_query
