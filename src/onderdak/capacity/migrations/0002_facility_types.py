"""The bundled facility types (``capacity/data/facility-types.csv``)."""

from django.db import migrations

from onderdak.capacity.services.reference import ensure_facility_types, read_types_file


def load(apps, schema_editor):
    ensure_facility_types(apps.get_model("capacity", "FacilityType"), read_types_file())


class Migration(migrations.Migration):
    dependencies = [("capacity", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
