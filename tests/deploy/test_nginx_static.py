"""deploy/nginx.conf serves what `flask assets build` made: hashed names a year and immutable, the .gz as it is
(gzip_static), plain names an hour, and never the manifest."""
import gzip

import pytest

from deploy.render_nginx import render
from tests.deploy.servers import ROOT, require_nginx, start_nginx, stop, wait_for_port
from tests.deploy.test_nginx import get, self_signed_certificate
from tests.system import free_port
from webapp.assets.build import build


@pytest.mark.slow
def test_nginx_serves_the_built_files_compressed_and_cached_for_good(tmp_path):
    require_nginx()
    files = build(ROOT / "static", tmp_path / "static" / "dist")
    http_port, https_port = free_port(), free_port()
    certificate, key = self_signed_certificate(tmp_path)
    site = render({"SERVER_NAME": "127.0.0.1", "LISTEN_HTTP": f"127.0.0.1:{http_port}",
                   "LISTEN_HTTPS": f"127.0.0.1:{https_port}", "TLS_CERTIFICATE": certificate,
                   "TLS_CERTIFICATE_KEY": key, "UPSTREAM": f"127.0.0.1:{free_port()}",
                   "STATIC_ROOT": tmp_path / "static"})
    nginx = start_nginx(tmp_path, site)
    try:
        wait_for_port(https_port, nginx)
        hashed = "/static/" + files["css/nlds.css"]
        status, headers, body = get(https_port, hashed, headers={"Accept-Encoding": "gzip"}, raw=True)
        assert status == 200 and gzip.decompress(body) == (ROOT / "static/css/nlds.css").read_bytes()
        assert headers["Content-Encoding"] == "gzip"
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert "Accept-Encoding" in headers["Vary"]

        status, headers, body = get(https_port, "/static/dist/css/nlds.css")
        assert status == 200 and headers["Cache-Control"] == "public, max-age=3600"
        assert body == (ROOT / "static/css/nlds.css").read_text()
        assert get(https_port, "/static/dist/manifest.json")[0] == 404
    finally:
        stop(nginx)
