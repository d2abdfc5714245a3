"""What tests that start real programs share: a free port on 127.0.0.1, and a Debian program the test script installs."""
import os
import socket
from pathlib import Path

import pytest


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def require_program(path, package):
    """`path`, or skip the test (fail it in CI, where scripts/test.sh must have installed Debian's `package`)."""
    if not Path(path).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing: scripts/test.sh installs Debian's {package}")
        pytest.skip(f"{path} is missing (scripts/test.sh installs it)")
    return str(path)
