from django.urls import path

from iljari.fund import views

app_name = "fund"

urlpatterns = [
    path("fund/", views.loan_list, name="loan_list"),
    path("fund/export.xlsx", views.loan_export, name="loan_export"),
    path("fund/loans/new/", views.loan_create, name="loan_create"),
    path("fund/loans/<str:number>/", views.loan_detail, name="loan_detail"),
    path("fund/loans/<str:number>/disburse/", views.loan_disburse, name="loan_disburse"),
    path("fund/loans/<str:number>/repayments/", views.repayment_post, name="repayment_post"),
    path("fund/loans/<str:number>/deferments/", views.deferment_request, name="deferment_request"),
    path("fund/loans/<str:number>/schedule.xlsx", views.schedule_export, name="schedule_export"),
    path("fund/statements/", views.statement_upload, name="statement_upload"),
    path("fund/statements/template.xlsx", views.statement_template, name="statement_template"),
    path("fund/deferments/", views.deferment_list, name="deferment_list"),
    path("fund/deferments/<int:pk>/decide/", views.deferment_decide, name="deferment_decide"),
    path("fund/portfolio/", views.portfolio, name="portfolio"),
    path("fund/ledger/", views.ledger, name="ledger"),
    path("fund/notices/", views.notice_list, name="notice_list"),
    path("fund/notices/export.xlsx", views.notice_export, name="notice_export"),
    path("fund/notices/batch/", views.notice_batch, name="notice_batch"),
    path("fund/notices/<int:pk>/", views.notice_detail, name="notice_detail"),
]
