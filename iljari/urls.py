from django.conf import settings
from django.urls import include, path

from iljari.api import api

urlpatterns = [
    path("", include("iljari.web.urls")),
    path("", include("iljari.core.urls")),
    path("org/", include("iljari.org.urls")),
    path("office/", include("iljari.reports.urls")),
    path("plan/", include("iljari.plan.urls")),
    path("finance/", include("iljari.finance.urls")),
    path("performance/", include("iljari.performance.urls")),
    path("people/", include("iljari.people.urls")),
    path("portal/", include("iljari.people.portal_urls")),
    path("", include("iljari.intake.urls")),
    path("", include("iljari.participation.urls")),
    path("payroll/", include("iljari.payroll.urls")),
    path("", include("iljari.enterprises.urls")),
    path("", include("iljari.frontline.urls")),
    path("", include("iljari.fund.urls")),
    path("grants/", include("iljari.grants.urls")),
    path("economy/", include("iljari.economy.urls")),
    path("payroll/transfers/", include("iljari.payroll.transfer_urls")),
    path("", include("iljari.approvals.urls")),
    path("", include("iljari.messaging.urls")),
    path("", include("iljari.messaging.portal_urls")),
    path("", include("iljari.board.urls")),
    path("entrusted/", include("iljari.entrusted.urls")),
    path("", include("iljari.committees.urls")),
    path("api/", api.urls),
]

if settings.ILJARI_BENCH_VIEWS:  # the HTTP benchmark's reference (development profile only)
    from iljari.demo.bench.views import bare_json  # deferred: only when the bench views are switched on

    urlpatterns.append(path("bench/json/", bare_json))

handler400 = "iljari.web.views.bad_request"
handler403 = "iljari.web.views.permission_denied"
handler404 = "iljari.web.views.page_not_found"
handler500 = "iljari.web.views.server_error"
