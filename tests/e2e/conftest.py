"""Fixtures for end-to-end tests: a tmux pane driver and a throw-away sshd on 127.0.0.1."""

from __future__ import annotations

import getpass
import os
import shlex
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SSHD = shutil.which("sshd") or next(
    (p for p in ("/usr/sbin/sshd", "/usr/local/sbin/sshd") if Path(p).exists()), None
)
TMUX = shutil.which("tmux")
SSH = shutil.which("ssh")
SSH_KEYGEN = shutil.which("ssh-keygen")
TODAY = "2026-11-27"

# The installed console script lives beside the interpreter (editable here, a wheel in CI).
BRANCHTUI = Path(sys.executable).parent / "branchtui"

needs_tmux = pytest.mark.skipif(TMUX is None, reason="tmux 未安装（apt-get install tmux）")
needs_sshd = pytest.mark.skipif(
    SSHD is None or SSH is None or SSH_KEYGEN is None,
    reason="OpenSSH 未安装（apt-get install openssh-server openssh-client）",
)


class ScreenTimeout(AssertionError):
    """The awaited text never showed; the message carries the last screen for the log."""


@dataclass
class TmuxPane:
    """One tmux server (own socket) with one window of a fixed size running one command."""

    socket: Path
    name: str = "e2e"
    width: int = 80
    height: int = 24

    def _tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        assert TMUX is not None
        # -u and a UTF-8 locale: tmux must not swap Chinese for "_" on a CI without LANG.
        return subprocess.run(
            [TMUX, "-u", "-S", str(self.socket), "-f", str(self._config()), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=check,
            env={**os.environ, "LANG": "C.UTF-8"},
        )

    def _config(self) -> Path:
        """Options read at server start, so they hold before the command's first byte."""
        path = self.socket.with_suffix(".conf")
        if not path.exists():
            # No status line (the pane is the whole window); keep a dead pane readable; take
            # what the program copies with OSC 52 into a tmux buffer (``buffer()``).
            path.write_text(
                "set -g status off\nset -g remain-on-exit on\nset -g set-clipboard on\n"
            )
        return path

    def start(self, argv: list[str], env: dict[str, str] | None = None) -> TmuxPane:
        """Run ``argv`` in a fresh ``width``×``height`` pane; the pane stays after it exits."""
        env_args: list[str] = []
        for key, value in (env or {}).items():
            env_args += ["-e", f"{key}={value}"]
        command = " ".join(_shell_quote(a) for a in argv)
        self._tmux(
            "new-session",
            "-d",
            "-s",
            self.name,
            "-x",
            str(self.width),
            "-y",
            str(self.height),
            *env_args,
            command,
        )
        return self

    def send(self, *keys: str) -> None:
        """tmux key names: ``Enter``, ``Escape``, ``Tab``, ``C-s``, ``F1`` …"""
        self._tmux("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        """Literal text, Chinese included (sent as UTF-8 bytes)."""
        self._tmux("send-keys", "-t", self.name, "-l", text)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.name).stdout

    def history(self) -> str:
        """Everything the pane showed, scrolled-off lines included, wrapped lines joined."""
        return self._tmux("capture-pane", "-p", "-J", "-S", "-", "-t", self.name).stdout

    def buffer(self) -> str:
        """What the program last copied to the clipboard (OSC 52), as tmux received it."""
        return self._tmux("show-buffer", check=False).stdout

    def lines(self) -> list[str]:
        return self.screen().split("\n")[: self.height]

    def dead(self) -> bool:
        out = self._tmux("display-message", "-p", "-t", self.name, "#{pane_dead}", check=False)
        return out.stdout.strip() == "1"

    def wait_until(self, check: Callable[[str], bool], what: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if check(screen):
                return screen
            time.sleep(0.1)
        raise ScreenTimeout(f"{timeout:.0f} 秒内未出现：{what}\n--- 屏幕 ---\n{screen}")

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        return self.wait_until(lambda s: text in s, repr(text), timeout)

    def wait_gone(self, text: str, timeout: float = 15.0) -> str:
        return self.wait_until(lambda s: text not in s, f"{text!r} 消失", timeout)

    def kill(self) -> None:
        self._tmux("kill-server", check=False)


def _shell_quote(arg: str) -> str:
    return shlex.quote(arg)


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Callable[..., TmuxPane]]:
    """Factory of panes, each on its own tmux server; all killed at the end."""
    if TMUX is None:
        pytest.skip("tmux 未安装（apt-get install tmux）")
    # Socket paths are limited to ~100 bytes, so they live in /tmp, not in tmp_path.
    panes: list[TmuxPane] = []

    def make(width: int = 80, height: int = 24) -> TmuxPane:
        pane = TmuxPane(Path(f"/tmp/bt-e2e-{uuid.uuid4().hex[:12]}.sock"), "e2e", width, height)
        panes.append(pane)
        return pane

    yield make
    for pane in panes:
        pane.kill()
        pane.socket.unlink(missing_ok=True)
        pane.socket.with_suffix(".conf").unlink(missing_ok=True)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Sshd:
    """A running sshd on 127.0.0.1 and how to reach it with the real ssh client."""

    port: int
    folder: Path
    client_key: Path
    known_hosts: Path
    process: subprocess.Popen[bytes] | None = None
    user: str = field(default_factory=getpass.getuser)

    @staticmethod
    def login_env(data: Path, **extra: str) -> dict[str, str]:
        """What a secretary's login carries: UTF-8 locale, the data folder, a fixed today."""
        return {"LANG": "C.UTF-8", "BRANCHTUI_HOME": str(data), "BRANCHTUI_TODAY": TODAY, **extra}

    def ssh_argv(self, remote: list[str], env: dict[str, str] | None = None) -> list[str]:
        """``ssh -tt`` to this server running ``remote``; ``env`` is sent with SetEnv."""
        assert SSH is not None
        argv = [
            SSH,
            "-tt",
            "-F",
            "/dev/null",
            "-p",
            str(self.port),
            "-i",
            str(self.client_key),
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "BatchMode=yes",
            "-o",
            f"UserKnownHostsFile={self.known_hosts}",
            "-o",
            "StrictHostKeyChecking=yes",
            "-o",
            "LogLevel=ERROR",
        ]
        if env:
            # ssh keeps the first SetEnv it sees, so every variable goes in one option.
            argv += ["-o", "SetEnv=" + " ".join(f'{k}="{v}"' for k, v in env.items())]
        return [*argv, f"{self.user}@127.0.0.1", " ".join(_shell_quote(a) for a in remote)]


SSHD_CONFIG = """\
Port {port}
ListenAddress 127.0.0.1
HostKey {folder}/host_key
PidFile {folder}/sshd.pid
AuthorizedKeysFile {folder}/authorized_keys
UsePAM no
StrictModes no
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PrintMotd no
PrintLastLog no
Banner none
AcceptEnv LANG LC_* BRANCHTUI_* TEXTUAL_* NO_COLOR COLORTERM
MaxStartups 20:30:60
MaxSessions 20
LogLevel ERROR
"""


def _start_sshd(folder: Path, extra: str = "") -> Sshd:
    """sshd on a free port; ``extra`` is appended to the config (a ``Match`` block goes last)."""
    assert SSHD is not None and SSH_KEYGEN is not None
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("host_key", "client_key"):
        subprocess.run(
            [SSH_KEYGEN, "-q", "-t", "ed25519", "-N", "", "-f", str(folder / name)], check=True
        )
    (folder / "authorized_keys").write_text((folder / "client_key.pub").read_text())
    port = _free_port()
    host_pub = (folder / "host_key.pub").read_text().split()
    (folder / "known_hosts").write_text(f"[127.0.0.1]:{port} {host_pub[0]} {host_pub[1]}\n")
    (folder / "sshd_config").write_text(SSHD_CONFIG.format(port=port, folder=folder) + extra)
    # sshd insists on its privilege-separation folder even when run by hand.
    Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)
    log = (folder / "sshd.log").open("wb")
    process = subprocess.Popen(
        [SSHD, "-D", "-e", "-f", str(folder / "sshd_config")],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"sshd 启动失败：{(folder / 'sshd.log').read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            time.sleep(0.05)
    else:
        process.kill()
        raise RuntimeError("sshd 10 秒内未开始监听")
    return Sshd(port, folder, folder / "client_key", folder / "known_hosts", process)


def _stop_sshd(server: Sshd) -> None:
    assert server.process is not None
    server.process.terminate()
    try:
        server.process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture
def sshd_with(tmp_path: Path) -> Iterator[Callable[[str], Sshd]]:
    """Start an sshd of one's own with extra config (e.g. ForceCommand); stopped after the test."""
    if SSHD is None or SSH is None or SSH_KEYGEN is None:
        pytest.skip("OpenSSH 未安装（apt-get install openssh-server openssh-client）")
    started: list[Sshd] = []

    def start(extra: str) -> Sshd:
        started.append(_start_sshd(tmp_path / f"sshd{len(started)}", extra))
        return started[-1]

    yield start
    for server in started:
        _stop_sshd(server)


@pytest.fixture(scope="session")
def sshd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sshd]:
    """One sshd for the whole run (starting one takes a while); stopped at the end."""
    if SSHD is None or SSH is None or SSH_KEYGEN is None:
        pytest.skip("OpenSSH 未安装（apt-get install openssh-server openssh-client）")
    server = _start_sshd(tmp_path_factory.mktemp("sshd"))
    yield server
    _stop_sshd(server)


@pytest.fixture
def branchtui_bin() -> Path:
    """The installed console script; the e2e flows run this, never ``python -m``."""
    if not BRANCHTUI.exists():
        pytest.skip(f"未找到已安装的 branchtui：{BRANCHTUI}")
    return BRANCHTUI
