from django.db import migrations, models

# The boolean "present" becomes an attendance status; nothing is lost either way.
PRESENT_TO_ATTENDANCE = {True: "attended", False: "did_not_attend"}


def attendance_from_present(apps, schema_editor):
    Participation = apps.get_model("meetings", "Participation")
    for present, attendance in PRESENT_TO_ATTENDANCE.items():
        Participation.objects.filter(present=present).update(attendance=attendance)


def present_from_attendance(apps, schema_editor):
    # Invited and confirmed states had not attended (yet): they go back as absent.
    Participation = apps.get_model("meetings", "Participation")
    Participation.objects.update(present=False)
    Participation.objects.filter(attendance="attended").update(present=True)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="participation",
            name="attendance",
            field=models.CharField(
                choices=[
                    ("invited", "invited"),
                    ("confirmed", "participation confirmed"),
                    ("attended", "attended"),
                    ("did_not_attend", "did not attend"),
                ],
                default="invited",
                max_length=20,
                verbose_name="attendance",
            ),
        ),
        migrations.RunPython(attendance_from_present, present_from_attendance),
        migrations.RemoveField(
            model_name="participation",
            name="present",
        ),
    ]
