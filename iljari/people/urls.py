from django.urls import path

from iljari.people import views

app_name = "people"

urlpatterns = [
    path("", views.person_list, name="person_list"),
    path("export.xlsx", views.person_export, name="person_export"),
    path("new/", views.person_create, name="person_create"),
    path("me/", views.my_record, name="my_record"),
    path("me/account/", views.my_pay_account, name="my_pay_account"),
    path("<int:pk>/", views.person_detail, name="person_detail"),
    path("<int:pk>/account/", views.pay_account, name="pay_account"),
    path("<int:pk>/account/reveal/", views.pay_account_reveal, name="pay_account_reveal"),
]
