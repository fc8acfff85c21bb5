"""Print the size of participant pages: raw and gzip-compressed, per locale.

The target (from the foundation issue): the first question page fits in one network round trip,
about 14 KB compressed. This script measures; it asserts nothing.

    .venv/bin/python bench/page_size.py
"""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

from fastapi.testclient import TestClient

from intake.app import create_app
from intake.settings import PROJECT_ROOT, Settings


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(Settings.from_env({}, data_dir=Path(tmp), open_start=True, demo=False))
        client = TestClient(app)
        locales = app.state.services.catalogs.codes
        print(f"{'page':<34} {'locale':<7} {'bytes':>7} {'gzip':>6}")
        start = client.get("/", headers={"Accept-Encoding": "identity"}).content
        print(f"{'language picker /':<34} {'-':<7} {len(start):>7} {gz(start):>6}")
        for locale in locales:
            response = client.post("/start", data={"locale": locale}, follow_redirects=False)
            base = response.headers["location"].rsplit("/", 1)[0]
            pages = {"welcome": f"{base}/welcome", "first question (consent)": base}
            for name, url in pages.items():
                body = client.get(url, headers={"Accept-Encoding": "identity"}).content
                print(f"{name:<34} {locale:<7} {len(body):>7} {gz(body):>6}")
            for qid in ("consent_answer", "consent_fk", "consent_region", "consent_social"):
                client.post(f"{base}/q/{qid}", data={"choice": "yes"})
            body = client.get(base, headers={"Accept-Encoding": "identity"}).content
            print(f"{'fifth question':<34} {locale:<7} {len(body):>7} {gz(body):>6}")
            fragment = client.post(
                f"{base}/q/birth_year",
                data={"typed": "1990"},
                headers={"HX-Request": "true", "Accept-Encoding": "identity"},
            )
            print(
                f"{'htmx answer fragment':<34} {locale:<7} {len(fragment.content):>7} "
                f"{gz(fragment.content):>6}"
            )
        css = (PROJECT_ROOT / "web" / "static" / "intake.css").read_bytes()
        print(f"{'stylesheet (cached after 1st page)':<34} {'-':<7} {len(css):>7} {gz(css):>6}")
        htmx = PROJECT_ROOT / "node_modules" / "htmx.org" / "dist" / "htmx.min.js"
        if htmx.exists():
            data = htmx.read_bytes()
            print(f"{'htmx.min.js (CDN, cached)':<34} {'-':<7} {len(data):>7} {gz(data):>6}")


if __name__ == "__main__":
    main()
