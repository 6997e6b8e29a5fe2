"""The 2018 report's 주요 정책지표 table prints targets for 2019 and 2020: the demo dataset carries them as the
indicators' targets of those years, so that a 2019 page (and a year opened from 2018) shows them."""

import re

import pytest

from iljari.core.roles import Role

# transcribed from the report's table (단위: 천개, 천개, 명, 명, 천명, 건, 개, 억원, 개, 개)
PRINTED = {
    "IND-01": ("155", "160"),
    "IND-02": ("208", "213"),
    "IND-03": ("11,000", "11,000"),
    "IND-04": ("9,547", "9,547"),
    "IND-05": ("50", "50"),
    "IND-06": ("4,200", "4,400"),
    "IND-07": ("4,700", "5,000"),
    "IND-08": ("1,400", "1,500"),
    "IND-09": ("12", "12"),
    "IND-10": ("14", "15"),
}


@pytest.mark.parametrize("year", [2019, 2020])
def test_the_2019_page_shows_the_targets_the_2018_report_printed(personas, dataset_2018, client_as, year):
    page = client_as(Role.AUDITOR).get(f"/performance/indicators/?year={year}").content.decode()
    shown = dict(re.findall(rf'data-figure="indicator.target" data-key="(IND-\d\d):{year}">([^<]*)<', page))
    assert shown == {code: printed[year - 2019] for code, printed in PRINTED.items()}
