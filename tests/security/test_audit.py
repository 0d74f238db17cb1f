"""`make audit` (run first by `make test`): skipped with its reason when the vulnerability service does not answer.

The other path, pip-audit finding a known vulnerability, needs PyPI's per-release JSON, which this machine's registry
mirror does not serve: it is not exercised here.
"""

import shutil
import socket
import subprocess

import pytest

from tests.cms.test_settings import ROOT


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_audit_is_skipped_with_the_reason_when_the_service_does_not_answer():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = subprocess.run(  # noqa: S603
        # -o install: use the virtualenv as it is (never reinstall from here).
        [
            shutil.which("make"),
            "--no-print-directory",
            "-o",
            "install",
            "audit",
            f"AUDIT_PROBE_URL=http://127.0.0.1:{port}/x/1.0/json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"== SKIPPED the vulnerability audit: http://127.0.0.1:{port}/x/1.0/json")
    assert "Connection refused" in result.stdout
