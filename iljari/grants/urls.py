"""grants URLs: agreements here; district projects, ecosystem funding and the SIB, and the labour unions'
sub-projects and scholarships in their own lists."""

from django.urls import path

from iljari.grants import views
from iljari.grants.district_urls import urlpatterns as district_urlpatterns
from iljari.grants.union_urls import urlpatterns as union_urlpatterns

app_name = "grants"

urlpatterns = [
    path("", views.agreement_list, name="agreement_list"),
    path("export.xlsx", views.agreement_export, name="agreement_export"),
    path("programmes/", views.programme_list, name="programme_list"),
    path("programmes/new/", views.programme_create, name="programme_create"),
    path("programmes/<str:code>/", views.programme_detail, name="programme_detail"),
    path("programmes/<str:code>/agreements/new/", views.agreement_create, name="agreement_create"),
    path("agreements/<str:code>/", views.agreement_detail, name="agreement_detail"),
    path("agreements/<str:code>/sign/", views.agreement_sign, name="agreement_sign"),
    path("agreements/<str:code>/disbursements/", views.disbursement_record, name="disbursement_record"),
    path("agreements/<str:code>/reports/", views.spending_report, name="spending_report"),
    path("agreements/<str:code>/settlement/", views.settlement_record, name="settlement_record"),
    path("agreements/<str:code>/evaluation/", views.evaluation_record, name="evaluation_record"),
    path("payrolls/template.xlsx", views.payroll_template, name="payroll_template"),
    path("payrolls/<int:pk>/", views.payroll_detail, name="payroll_detail"),
    path("mine/", views.my_agreement_list, name="my_agreement_list"),
    path("mine/<str:code>/", views.my_agreement, name="my_agreement"),
    *district_urlpatterns,
    *union_urlpatterns,
]
