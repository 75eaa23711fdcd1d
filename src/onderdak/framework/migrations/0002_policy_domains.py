"""The bundled adjacent policy domains (``framework/data/policy-domains.csv``)."""

from django.db import migrations

from onderdak.framework.services.reference import ensure_policy_domains, read_domains_file


def load(apps, schema_editor):
    ensure_policy_domains(apps.get_model("framework", "PolicyDomain"), read_domains_file())


class Migration(migrations.Migration):
    dependencies = [("framework", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
