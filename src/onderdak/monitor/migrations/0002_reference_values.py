"""The bundled breakdowns of a count (``monitor/data/reference-values.csv``)."""

from django.db import migrations

from onderdak.monitor.services.reference import ensure_reference_values, read_reference_file


def load(apps, schema_editor):
    ensure_reference_values(apps.get_model("monitor", "ReferenceValue"), read_reference_file())


class Migration(migrations.Migration):
    dependencies = [("monitor", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
