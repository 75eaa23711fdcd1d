from django.db import migrations

from onderdak.audit import triggers


def create_triggers(apps, schema_editor):
    triggers.create(schema_editor.connection)


def drop_triggers(apps, schema_editor):
    triggers.drop(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("auditlog", "0017_add_actor_email")]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
