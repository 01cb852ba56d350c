"""Staff email addresses are set by administrators, which verifies them (issue 9).

Before this, opening "email addresses" made an unverified allauth ``EmailAddress`` and allauth
then refused to set up two-factor authentication for good. Every user's own address becomes
their one primary, verified address; other addresses staff added are removed.
"""

from django.db import migrations


def verify_staff_addresses(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    EmailAddress = apps.get_model("account", "EmailAddress")
    for user in User.objects.all().iterator():
        EmailAddress.objects.filter(user=user).exclude(email__iexact=user.email).delete()
        address = EmailAddress.objects.filter(user=user, email__iexact=user.email).first()
        if address is None:
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        else:
            address.verified = True
            address.primary = True
            address.save(update_fields=["verified", "primary"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [migrations.RunPython(verify_staff_addresses, migrations.RunPython.noop)]
