"""Directory entries for the onward referral tests (synthetic: example.org, 01632 960xxx)."""

from haven.casework.models import Agency


def an_agency(organisation, **fields):
    values = {
        "name": "Synthetic Mind Service",
        "agency_type": "mental_health",
        "areas_covered": "Synthetic county",
        "contact_route": "secure_email",
        "contact_details": "referrals@mind-service.example.org",
    }
    return Agency.objects.create(organisation=organisation, **(values | fields))
