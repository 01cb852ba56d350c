"""A subject access request's copies of the person's records (each item's label, fields and the
third parties' names found, and the released PDF and JSON) encrypted at rest like the records
themselves (ADR 0019). Existing items' text stays readable until `haven keys rotate` encrypts it
(as for the fields of people 0003); existing bundles are copied into encrypted columns here."""

from django.db import migrations

import haven.core.encrypted_fields


def seal_bundles(apps, schema_editor):
    bundle_model = apps.get_model("subjectaccess", "SarBundle")
    for pk, pdf, data in bundle_model.objects.values_list("pk", "pdf", "json").iterator():
        bundle_model.objects.filter(pk=pk).update(
            pdf_sealed=bytes(pdf or b""), json_sealed=bytes(data or b"")
        )


class Migration(migrations.Migration):
    dependencies = [("subjectaccess", "0001_initial")]

    operations = [
        migrations.AlterField(
            model_name="saritem",
            name="label",
            field=haven.core.encrypted_fields.EncryptedTextField(max_length=300, single_line=True),
        ),
        migrations.AlterField(
            model_name="saritem",
            name="fields",
            field=haven.core.encrypted_fields.EncryptedJSONField(default=list),
        ),
        migrations.AlterField(
            model_name="saritem",
            name="third_party_names",
            field=haven.core.encrypted_fields.EncryptedJSONField(blank=True, default=list),
        ),
        migrations.AddField(
            model_name="sarbundle",
            name="pdf_sealed",
            field=haven.core.encrypted_fields.EncryptedBytesField(default=""),
        ),
        migrations.AddField(
            model_name="sarbundle",
            name="json_sealed",
            field=haven.core.encrypted_fields.EncryptedBytesField(default=""),
        ),
        migrations.RunPython(seal_bundles, migrations.RunPython.noop),
        migrations.RemoveField(model_name="sarbundle", name="pdf"),
        migrations.RemoveField(model_name="sarbundle", name="json"),
        migrations.RenameField(model_name="sarbundle", old_name="pdf_sealed", new_name="pdf"),
        migrations.RenameField(model_name="sarbundle", old_name="json_sealed", new_name="json"),
        migrations.AlterField(
            model_name="sarbundle",
            name="pdf",
            field=haven.core.encrypted_fields.EncryptedBytesField(),
        ),
        migrations.AlterField(
            model_name="sarbundle",
            name="json",
            field=haven.core.encrypted_fields.EncryptedBytesField(),
        ),
    ]
