"""URLs of the district projects, the ecosystem funding and the SIB (included by grants/urls.py under /grants/)."""

from django.urls import path

from iljari.grants import district_views, sib_views

urlpatterns = [
    path("districts/", district_views.district_project_list, name="district_project_list"),
    path("districts/new/", district_views.district_project_create, name="district_project_create"),
    path("districts/export.xlsx", district_views.district_project_export, name="district_project_export"),
    path("districts/summary/", district_views.district_summary, name="district_summary"),
    path("districts/<str:code>/", district_views.district_project_detail, name="district_project_detail"),
    path(
        "districts/<str:code>/monitoring/", district_views.district_monitoring_record, name="district_monitoring_record"
    ),
    path("districts/<str:code>/review/", district_views.district_review_record, name="district_review_record"),
    path("districts/<str:code>/decision/", district_views.district_decision_record, name="district_decision_record"),
    path("ecosystem/", district_views.ecosystem_list, name="ecosystem_list"),
    path("ecosystem/new/", district_views.ecosystem_create, name="ecosystem_create"),
    path("ecosystem/<str:code>/", district_views.ecosystem_detail, name="ecosystem_detail"),
    path("ecosystem/<str:code>/tranches/", district_views.ecosystem_fund, name="ecosystem_fund"),
    path(
        "ecosystem/<str:code>/tranches/<int:pk>/evaluate/",
        district_views.ecosystem_evaluate,
        name="ecosystem_evaluate",
    ),
    path("sib/", sib_views.sib_list, name="sib_list"),
    path("sib/new/", sib_views.sib_create, name="sib_create"),
    path("sib/<str:code>/", sib_views.sib_detail, name="sib_detail"),
    path("sib/<str:code>/evaluate/", sib_views.sib_evaluate, name="sib_evaluate"),
]
