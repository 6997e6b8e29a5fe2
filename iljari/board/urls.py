from django.urls import path

from iljari.board import views

app_name = "board"

urlpatterns = [
    path("notices/", views.notice_list, name="notice_list"),
    path("notices/<int:pk>/", views.notice_detail, name="notice_detail"),
    path("notices/<int:pk>/attachment/", views.notice_attachment, name="notice_attachment"),
    path("faq/", views.faq, name="faq"),
    path("board/notices/", views.staff_notice_list, name="staff_notice_list"),
    path("board/notices/new/", views.staff_notice_create, name="staff_notice_create"),
    path("board/notices/<int:pk>/", views.staff_notice_edit, name="staff_notice_edit"),
    path("board/notices/<int:pk>/retire/", views.staff_notice_retire, name="staff_notice_retire"),
    path("board/faq/", views.staff_faq_list, name="staff_faq_list"),
    path("board/faq/new/", views.staff_faq_create, name="staff_faq_create"),
    path("board/faq/<int:pk>/", views.staff_faq_edit, name="staff_faq_edit"),
    path("board/faq/<int:pk>/retire/", views.staff_faq_retire, name="staff_faq_retire"),
]
