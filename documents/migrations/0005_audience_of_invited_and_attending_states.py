from django.db import migrations, models

# "meeting_delegates" was meant as the states taking part in the meeting: those that attended it.
OLD_TO_NEW = {"meeting_delegates": "attended_states"}
NEW_TO_OLD = {"attended_states": "meeting_delegates", "invited_states": "meeting_delegates"}


def rename_audiences(apps, mapping):
    for app_label, model_name in [
        ("documents", "Document"),
        ("documents", "DocumentFile"),
        ("accounts", "RestrictedDownload"),
    ]:
        model = apps.get_model(app_label, model_name)
        for old, new in mapping.items():
            model.objects.filter(audience=old).update(audience=new)


def forwards(apps, schema_editor):
    rename_audiences(apps, OLD_TO_NEW)


def backwards(apps, schema_editor):
    # The old audience admitted every state listed at the meeting: both new ones go back to it.
    rename_audiences(apps, NEW_TO_OLD)


class Migration(migrations.Migration):

    dependencies = [
        ('documents', '0004_public_listing_indexes'),
        ('accounts', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='document',
            name='audience',
            field=models.CharField(choices=[('public', 'everyone'), ('delegates', 'delegates of all participating states'), ('invited_states', 'delegates of the states invited to the document’s meeting'), ('attended_states', 'delegates of the states that attended the document’s meeting')], default='public', max_length=20, verbose_name='who may see it'),
        ),
        migrations.AlterField(
            model_name='documentfile',
            name='audience',
            field=models.CharField(choices=[('public', 'everyone'), ('delegates', 'delegates of all participating states'), ('invited_states', 'delegates of the states invited to the document’s meeting'), ('attended_states', 'delegates of the states that attended the document’s meeting')], default='public', help_text='A file can be more restricted than its document, never less.', max_length=20, verbose_name='who may download it'),
        ),
        migrations.RunPython(forwards, backwards),
    ]
