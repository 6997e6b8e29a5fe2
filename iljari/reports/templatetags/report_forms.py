"""`{% report_build_form %}`: the form that starts a report file in the background, for any page that offers one.

The dashboard offers the office's reports (a choice of kind); a programme's page offers its one-page summary
(`kind="programme" subject=programme.code`). The formats and kinds come from reports.files, so a page never lists
a format the renderers do not have."""

from django import template

from iljari.core.exports import EXPORTS, ExportRequestForm
from iljari.reports.files import FORMAT_NAMES, NEEDS_SUBJECT, PERSONAL, REPORT_KINDS

register = template.Library()


@register.inclusion_tag("reports/_build_form.html", takes_context=True)
def report_build_form(context, kind: str = "", subject: str = "", label: str = "보고서 만들기", as_of=None):
    """`as_of` (a date) overrides the page's own `as_of` (a worksite's payroll: the month's last day)."""
    as_of = as_of or context.get("as_of")
    return {
        "csrf_token": context.get("csrf_token"),
        "year": getattr(as_of, "year", "") if as_of else context.get("year", ""),
        "as_of": as_of,
        "kind": kind,
        "kinds": {k: v for k, v in REPORT_KINDS.items() if k not in NEEDS_SUBJECT},
        "subject": subject,
        "formats": FORMAT_NAMES,
        "label": label,
        "form_id": f"build-{kind or 'report'}-{subject}" if subject else f"build-{kind or 'report'}",
        # a kind that names people asks the purpose and the reason, as every download of personal data does
        "export_form": ExportRequestForm(spec=EXPORTS[PERSONAL[kind]], auto_id=f"build-{kind}-%s")
        if kind in PERSONAL
        else None,
    }
