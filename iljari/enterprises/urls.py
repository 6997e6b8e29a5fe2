from django.urls import path

from iljari.enterprises import views

app_name = "enterprises"

urlpatterns = [
    path("enterprises/", views.organisation_list, name="organisation_list"),
    path("enterprises/export.xlsx", views.organisation_export, name="organisation_export"),
    path("enterprises/new/", views.organisation_create, name="organisation_create"),
    path("enterprises/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("enterprises/<int:pk>/edit/", views.organisation_edit, name="organisation_edit"),
    path("enterprises/<int:pk>/certifications/", views.certification_add, name="certification_add"),
    path("enterprises/<int:pk>/contacts/", views.contact_add, name="contact_add"),
    path("enterprises/<int:pk>/support/", views.support_add, name="support_add"),
    path("enterprises/<int:pk>/articles/", views.article_add, name="article_add"),
    path("enterprises/reviews/", views.review_queue, name="review_queue"),
    path("enterprises/reviews/<int:pk>/moderate/", views.review_moderate, name="review_moderate"),
    path("enterprises/procurement/", views.procurement_progress, name="procurement"),
    path("enterprises/procurement/export.xlsx", views.procurement_export, name="procurement_export"),
    path("enterprises/procurement/new/", views.purchase_create, name="purchase_create"),
    path("enterprises/procurement/upload/", views.purchase_upload, name="purchase_upload"),
    path("enterprises/procurement/template.xlsx", views.purchase_template, name="purchase_template"),
    path("portal/organisation/", views.my_profile, name="my_profile"),
    path("portal/organisation/purchases/", views.my_purchases, name="my_purchases"),
    path("portal/organisation/purchases/upload/", views.my_purchase_upload, name="my_purchase_upload"),
    path("portal/organisation/purchases/template.xlsx", views.my_purchase_template, name="my_purchase_template"),
    path("platform/", views.platform_list, name="platform_list"),
    path("platform/<int:pk>/", views.platform_detail, name="platform_detail"),
    path("platform/<int:pk>/reviews/", views.platform_review, name="platform_review"),
    path("platform/reviews/<int:pk>/report/", views.platform_report, name="platform_report"),
]
