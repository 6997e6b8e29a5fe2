from django.urls import path

from iljari.core import account_views, views, year_views

app_name = "core"

urlpatterns = [
    path("accounts/login/", views.login_view, name="login"),
    path("accounts/login/code/", views.login_code, name="login_code"),
    path("accounts/logout/", views.logout_view, name="logout"),
    path("accounts/me/", views.profile, name="profile"),
    path("accounts/me/password/", views.password_change, name="password_change"),
    path("accounts/me/second-factor/", views.second_factor, name="second_factor"),
    path("accounts/users/", account_views.user_list, name="user_list"),
    path("accounts/users/export.xlsx", account_views.user_export, name="user_export"),
    path("accounts/users/new/", account_views.user_create, name="user_create"),
    path("accounts/users/<int:pk>/", account_views.user_detail, name="user_detail"),
    path("accounts/users/<int:pk>/unlock/", account_views.user_unlock, name="user_unlock"),
    path("accounts/users/<int:pk>/password-reset/", account_views.user_password_reset, name="user_password_reset"),
    path("accounts/users/<int:pk>/active/", account_views.user_active, name="user_active"),
    path(
        "accounts/users/<int:pk>/second-factor-reset/",
        account_views.user_second_factor_reset,
        name="user_second_factor_reset",
    ),
    path("history/", views.history_list, name="history_list"),
    path("history/export.xlsx", views.history_export, name="history_export"),
    path("history/<int:pk>/", views.history_detail, name="history_detail"),
    path("history/batches/", views.change_batch_list, name="change_batch_list"),
    path("history/batches/export.xlsx", views.change_batch_export, name="change_batch_export"),
    path("history/batches/<int:pk>/", views.change_batch_detail, name="change_batch_detail"),
    path("history/logins/", views.login_event_list, name="login_event_list"),
    path("history/logins/export.xlsx", views.login_event_export, name="login_event_export"),
    path("history/access/", views.access_log, name="access_log"),
    path("history/access/export.xlsx", views.access_log_export, name="access_log_export"),
    path("history/access/review/", views.access_log_review, name="access_log_review"),
    path("history/retention/", views.retention, name="retention"),
    path("history/access/print/", views.print_record, name="print_record"),
    path("months/", views.month_locks, name="month_locks"),
    path("years/open/", year_views.year_open_page, name="year_open"),
    path("jobs/<int:pk>/", views.job_detail, name="job_detail"),
    path("jobs/<int:pk>/progress/", views.job_progress, name="job_progress"),
    path("jobs/<int:pk>/download/", views.job_download, name="job_download"),
]
