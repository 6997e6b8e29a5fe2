"""The portal's sign-up pages, under /portal/ (included before intake's portal pages)."""

from django.urls import path

from iljari.people import signup

app_name = "signup"

urlpatterns = [
    path("signup/", signup.start, name="start"),
    path("signup/contact/", signup.contact, name="contact"),
    path("signup/code/", signup.code, name="code"),
    path("signup/code/resend/", signup.resend, name="resend"),
    path("signup/identity/", signup.identity, name="identity"),
    path("signup/account/", signup.account, name="account"),
]
