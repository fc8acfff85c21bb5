"""The htmx the tests load is the npm package's file with the integrity hash the pages send."""

from __future__ import annotations

import base64
import hashlib
import json

from intake.settings import HTMX_INTEGRITY, HTMX_URL, HTMX_VERSION, PROJECT_ROOT

LOCAL = PROJECT_ROOT / "node_modules" / "htmx.org" / "dist" / "htmx.min.js"


def test_local_copy_matches_the_cdn_version_and_integrity() -> None:
    package = json.loads((LOCAL.parent.parent / "package.json").read_text())
    assert package["version"] == HTMX_VERSION
    assert f"htmx.org@{HTMX_VERSION}/dist/htmx.min.js" in HTMX_URL
    digest = base64.b64encode(hashlib.sha384(LOCAL.read_bytes()).digest()).decode()
    assert f"sha384-{digest}" == HTMX_INTEGRITY


def test_package_json_pins_the_same_version() -> None:
    pinned = json.loads((PROJECT_ROOT / "package.json").read_text())["devDependencies"]
    assert pinned["htmx.org"] == HTMX_VERSION
