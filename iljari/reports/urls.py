from django.urls import path

from iljari.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("business/", views.business_report, name="business"),
    path("reports/build/", views.report_build, name="report_build"),
]
