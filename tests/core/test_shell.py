"""Health check, security headers, language switch, the CLI and the committed OpenAPI schema."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from onderdak.accounts.models import Role

ROOT = Path(__file__).resolve().parents[2]


def test_healthz_reports_the_database(client, db):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


class BrokenConnection:
    def cursor(self):
        raise ConnectionError("database down")


def test_healthz_reports_a_broken_database(client, db, monkeypatch):
    monkeypatch.setattr("onderdak.core.views.connection", BrokenConnection())
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_pages_send_a_strict_content_security_policy(client, db):
    response = client.get(reverse("accounts:login"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


def test_pages_load_no_asset_from_another_host(region, make_member, login):
    html = login(make_member(Role.ADMINISTRATOR)).get(reverse("region:overview")).content
    assert b"http://" not in html.replace(b"http://www.w3.org", b"")
    assert b'src="https://' not in html
    assert b'href="https://cdn' not in html


@pytest.mark.parametrize(("language", "expected"), [("nl", "nl"), ("en", "en")])
def test_language_switch_sets_the_interface_language(client, db, language, expected):
    response = client.post(reverse("set_language"), {"language": language, "next": "/"})
    assert response.status_code == 302
    page = client.get(reverse("accounts:login"))
    assert f'<html lang="{expected}">' in page.content.decode()


def test_dutch_is_the_default_language(client, db):
    assert '<html lang="nl">' in client.get(reverse("accounts:login")).content.decode()


def test_web_404_is_a_page_and_api_404_is_json(client, db):
    assert client.get("/bestaat-niet/").status_code == 404
    response = client.get("/api/v1/bestaat-niet/")
    assert response.json()["code"] == "not_found"


def test_deploy_check_passes_with_production_settings(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "ONDERDAK_SECRET_KEY": "x" * 64 + "-deploy-check-key-with-enough-entropy-1234567890",
        "ONDERDAK_ALLOWED_HOSTS": "onderdak.example.nl",
        "ONDERDAK_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-m", "onderdak.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_check_fails_without_a_secret_key(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "ONDERDAK_VAR_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "onderdak.cli", "check", "--deploy"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode != 0
    assert "onderdak.E001" in result.stderr + result.stdout


def test_committed_openapi_schema_is_current(tmp_path):
    generated = tmp_path / "openapi.yaml"
    call_command(
        "spectacular", "--lang", "en", "--file", str(generated), "--validate", "--fail-on-warn"
    )
    assert generated.read_text() == (ROOT / "openapi.yaml").read_text(), (
        "openapi.yaml is out of date: run `make openapi` and commit it"
    )


def test_demo_command_refuses_outside_demo_mode(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("demo", "--no-serve")


def test_pages_are_dutch_even_for_an_english_browser(client, db):
    page = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="nl">' in page.content.decode()


def test_the_api_follows_the_requested_language(client, db):
    response = client.get(reverse("me"), HTTP_ACCEPT_LANGUAGE="en")
    assert "credentials" in response.json()["message"].lower()
