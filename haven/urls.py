from django.contrib import admin
from django.urls import include, path

from haven.accounts.admin_access import admin_has_permission, admin_login
from haven.accounts.views import account as account_views
from haven.casework.views import referral_accept
from haven.core.views import health, static_pages
from haven.home import views as home
from haven.partners.api.endpoints import api as partner_api
from haven.referrals.urls import urlpatterns as referral_urlpatterns
from haven.reporting.urls_signoff import commissioner_patterns, signoff_patterns

admin.site.site_header = "Haven administration"
admin.site.site_title = "Haven administration"
# The admin signs in through allauth too, so MFA and lockout apply there as everywhere, and it
# opens only for superusers who passed the second factor.
admin.site.login = admin_login  # type: ignore[method-assign]
admin.site.has_permission = admin_has_permission  # type: ignore[method-assign]

# Accepting a referral opens its case, so the page is casework's; it keeps its referral URL.
referral_patterns = [
    *referral_urlpatterns,
    path("<uuid:referral_id>/accept/", referral_accept.accept, name="accept"),
]

urlpatterns = [
    path("", home.home, name="home"),
    path("health/", health.health, name="health"),
    path("accessibility/", static_pages.accessibility, name="accessibility"),
    path("privacy/", static_pages.privacy, name="privacy"),
    # Administrators set staff email addresses; allauth's page to add or change them is not used.
    path("accounts/email/", account_views.email, name="account_email"),
    path("accounts/", include("allauth.urls")),
    path("contracts/", include("haven.contracts.urls")),
    path("people/", include("haven.people.urls")),
    path("referrals/", include((referral_patterns, "referrals"))),
    path("cases/", include("haven.casework.urls")),
    path("risk/", include("haven.risk.urls")),
    path("support/", include("haven.support.urls")),
    path("plans/", include("haven.plans.urls")),
    path("outcomes/", include("haven.outcomes.urls")),
    path("follow-ups/", include("haven.followups.urls")),
    path("proceedings/", include("haven.proceedings.urls")),
    path("incidents/", include("haven.incidents.urls")),
    path("safeguarding/", include("haven.safeguarding.urls")),
    path("marac/", include("haven.marac.urls")),
    path("refuge/", include("haven.refuge.urls")),
    path("target-hardening/", include("haven.targethardening.urls")),
    path("housing/", include("haven.housing.urls")),
    path("hardship/", include("haven.hardship.urls")),
    path("programmes/", include("haven.programmes.urls")),
    path("helpline/", include("haven.helpline.urls")),
    path("restorative-justice/", include("haven.restorative.urls")),
    path("events/", include("haven.events.urls")),
    path("appraisal/", include("haven.appraisal.urls")),
    path("workforce/", include("haven.workforce.urls")),
    path("finance/", include("haven.finance.urls")),
    path("workbook/", include("haven.workbook.urls")),
    path("outbox/", include("haven.outbox.urls")),
    path("", include("haven.portal.urls")),  # /help/, /refer/, /questions/ (public)
    path("partners/", include("haven.partners.urls")),
    path("api/v1/", partner_api.urls),  # the partner API (issue 14 item 7)
    path("referral-imports/", include("haven.referralimports.urls")),
    path("chat/", include("haven.webchat.urls")),
    path("consent/", include("haven.consent.urls")),
    path("subject-access/", include("haven.subjectaccess.urls")),
    path("retention/", include("haven.retention.urls")),
    path("handover/", include("haven.handover.urls")),
    path("returns/", include((signoff_patterns, "signoff"))),
    path("commissioner/returns/", include((commissioner_patterns, "commissioner"))),
    path("audit/", include("haven.core.audit_urls")),
    path("returns/", include("haven.reporting.urls_quality")),
    # after quality's: its fixed words (baselines/, .../quality/, .../equality/) come first
    path("returns/", include("haven.reporting.urls")),
    path("staff/", include("haven.accounts.urls")),
    path("admin/", admin.site.urls),
    path("", include("haven.govuk.urls")),
]

handler403 = "haven.core.views.errors.permission_denied"
handler404 = "haven.core.views.errors.page_not_found"
handler500 = "haven.core.views.errors.server_error"
