"""Settings: read from INTAKE_* variables, helpful errors, every one documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.settings import PROJECT_ROOT, Settings, SettingsError


def test_every_setting_is_documented_with_its_help_text() -> None:
    docs = (PROJECT_ROOT / "docs" / "settings.md").read_text()
    for name, _default, help_text in Settings.documented():
        assert f"`{name}`" in docs, f"{name} is missing from docs/settings.md"
        assert help_text in docs, f"the help text of {name} differs in docs/settings.md"


def test_environment_variables_are_read() -> None:
    settings = Settings.from_env(
        {
            "INTAKE_DATABASE_URL": "sqlite:///x.db",
            "INTAKE_OPEN_START": "false",
            "INTAKE_DATA_DIR": "/tmp/i",
        }
    )
    assert settings.database_url == "sqlite:///x.db"
    assert settings.open_start is False and settings.data_dir == Path("/tmp/i")


def test_bad_boolean_names_the_variable() -> None:
    with pytest.raises(SettingsError, match="INTAKE_OPEN_START='perhaps'"):
        Settings.from_env({"INTAKE_OPEN_START": "perhaps"})


def test_defaults_put_the_database_and_a_private_secret_in_the_data_folder(tmp_path) -> None:
    settings = Settings.from_env({}, data_dir=tmp_path).resolved()
    assert settings.database_url == f"sqlite:///{tmp_path.resolve()}/intake.sqlite3"
    key_file = tmp_path / "secret_key"
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert Settings.from_env({}, data_dir=tmp_path).resolved().secret_key == settings.secret_key


def test_serve_points_links_where_it_serves(monkeypatch, tmp_path) -> None:
    """Without INTAKE_BASE_URL, invitation links use the --host and --port being served."""
    import intake.cli as cli

    seen = {}

    def fake_run(app, host, port, **_kwargs):  # type: ignore[no-untyped-def]
        seen["base_url"] = app.state.services.settings.base_url

    monkeypatch.delenv("INTAKE_BASE_URL", raising=False)
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("INTAKE_DEMO", "false")
    monkeypatch.setattr("uvicorn.run", fake_run)
    assert cli.main(["serve", "--host", "0.0.0.0", "--port", "8123"]) == 0
    assert seen["base_url"] == "http://127.0.0.1:8123"
