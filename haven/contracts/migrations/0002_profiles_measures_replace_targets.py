"""Profiles no longer have `targets:` (each target now sits on its measure, issue 10). Stored
profiles drop the key so they validate again; `haven profiles load` brings in the measures."""

from django.db import migrations


def drop_targets(apps, schema_editor):
    Contract = apps.get_model("contracts", "Contract")
    for contract in Contract.objects.all():
        if "targets" in contract.profile:
            profile = dict(contract.profile)
            profile.pop("targets")
            contract.profile = profile
            contract.save(update_fields=["profile"])


class Migration(migrations.Migration):
    dependencies = [("contracts", "0001_initial")]

    operations = [migrations.RunPython(drop_targets, migrations.RunPython.noop)]
