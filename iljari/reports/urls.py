from django.urls import path

from iljari.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("business/", views.business_report, name="business"),
    path("business/build/", views.business_report_build, name="business_build"),
]
