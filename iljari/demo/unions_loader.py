"""Demo: the labour unions' sub-projects (iljari/demo/dataset/unions.py) on the agreements the grants demo made,
through grants' services as the system (actor None). After the grants; a second load adds nothing."""

from __future__ import annotations

from iljari.demo.dataset.unions import SUB_PROJECTS
from iljari.grants.models import GrantAgreement
from iljari.grants.services.unions import sub_project_add


def load_unions() -> None:
    for code, sub_projects in SUB_PROJECTS:
        agreement = GrantAgreement.objects.select_related("programme__programme__division", "grantee").get(code=code)
        existing = set(agreement.sub_projects.values_list("title", flat=True))
        for title, state, note in sub_projects:
            if title not in existing:
                sub_project_add(actor=None, agreement=agreement, title=title, state=state, note=note)
