"""The sftp-only way into reports/ beside ForceCommand (docs/server.md, docs/examples/branchtui-login):
a report can be fetched with sftp, nothing can be written, and the login script is the one documented."""

from __future__ import annotations

import getpass
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import SSHD, Sshd

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "docs" / "examples" / "branchtui-login"
SFTP = shutil.which("sftp")
SFTP_SERVER = next(
    (
        p
        for p in ("/usr/lib/openssh/sftp-server", "/usr/libexec/openssh/sftp-server")
        if Path(p).exists()
    ),
    None,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        SSHD is None or SFTP is None or SFTP_SERVER is None,
        reason="OpenSSH（sshd、sftp、sftp-server）未安装",
    ),
]


def _sftp(server: Sshd, batch: str, workdir: Path) -> subprocess.CompletedProcess[str]:
    assert SFTP is not None
    (workdir / "batch").write_text(batch, encoding="utf-8")
    return subprocess.run(
        [
            SFTP,
            "-F",
            "/dev/null",
            "-P",
            str(server.port),
            "-i",
            str(server.client_key),
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "BatchMode=yes",
            "-o",
            f"UserKnownHostsFile={server.known_hosts}",
            "-b",
            str(workdir / "batch"),
            f"{server.user}@127.0.0.1",
        ],
        capture_output=True,
        text=True,
        cwd=workdir,
        timeout=60,
    )


def test_docs_show_the_script_that_is_tested() -> None:
    server_doc = (REPO / "docs" / "server.md").read_text(encoding="utf-8")
    assert SCRIPT.read_text(encoding="utf-8").strip() in server_doc
    assert os.access(SCRIPT, os.X_OK)


def test_sftp_fetches_a_report_and_writes_nothing(
    sshd_with: Callable[[str], Sshd], tmp_path: Path
) -> None:
    data = tmp_path / "zhibu1"
    (data / "reports").mkdir(parents=True)
    (data / "reports" / "2026-10-monthly.md").write_text("# 十月报告\n", encoding="utf-8")
    server = sshd_with(
        # As Debian's sshd_config has it; the Match block of docs/server.md follows.
        f"Subsystem sftp {SFTP_SERVER}\n"
        f"Match User {getpass.getuser()}\n"
        f"    ForceCommand {SCRIPT}\n"
        f"    SetEnv BRANCHTUI_HOME={data} SFTP_SERVER={SFTP_SERVER} BRANCHTUI=/bin/false\n"
    )
    here = tmp_path / "desk"
    here.mkdir()
    fetched = _sftp(server, "pwd\nget 2026-10-monthly.md\n", here)
    assert fetched.returncode == 0, fetched.stderr
    assert f"{data}/reports" in fetched.stdout
    assert (here / "2026-10-monthly.md").read_text(encoding="utf-8") == "# 十月报告\n"
    (here / "evil.md").write_text("x", encoding="utf-8")
    for batch in ("put evil.md\n", "rm 2026-10-monthly.md\n", "rename 2026-10-monthly.md x.md\n"):
        refused = _sftp(server, batch, here)
        assert refused.returncode != 0, batch
    assert sorted(p.name for p in (data / "reports").iterdir()) == ["2026-10-monthly.md"]
    # Any other request still runs only the program of ForceCommand (here /bin/false).
    other = subprocess.run(
        server.ssh_argv(["cat", "/etc/passwd"]), capture_output=True, text=True, timeout=60
    )
    assert other.returncode == 1
    assert "root:" not in other.stdout
