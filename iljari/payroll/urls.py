from django.urls import path

from iljari.payroll import views

app_name = "payroll"

urlpatterns = [
    path("worksites/<str:code>/<str:month>/", views.worksite_month, name="worksite_month"),
    path("worksites/<str:code>/<str:month>/compute/", views.worksite_month_compute, name="worksite_month_compute"),
    path("rates/", views.rates, name="rates"),
    path("rates/tax/", views.tax_rule, name="tax_rule"),
    path("filings/", views.filings, name="filings"),
    path("filings/insurance/<str:month>/", views.insurance_changes, name="insurance_changes"),
    path("filings/withholding/<int:year>/", views.withholding, name="withholding"),
]
