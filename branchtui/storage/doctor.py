"""``branchtui doctor``: a health check of the data folder that never changes anything."""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path

from branchtui.storage.atomic import temp_pattern
from branchtui.storage.backups import DAMAGED, backup_problem, list_backups, newest_good_backup
from branchtui.storage.file_check import check_file
from branchtui.storage.locations import DATA_FILE
from branchtui.storage.lock import is_locked
from branchtui.storage.migrations import SCHEMA_VERSION
from branchtui.storage.modes import PRIVATE_FILE, PRIVATE_FOLDER, SHARED_FILE, SHARED_FOLDER
from branchtui.storage.references import dangling_references

OK, WARNING, ERROR = "ok", "warning", "error"
LEVEL_LABELS = {OK: "正常", WARNING: "注意", ERROR: "错误"}
SHOWN_REFERENCES = 5


@dataclass(frozen=True)
class Finding:
    """One line of the doctor's report."""

    level: str
    message: str

    def __str__(self) -> str:
        return f"[{LEVEL_LABELS[self.level]}] {self.message}"


@dataclass(frozen=True)
class Remedies:
    """How the report says what to do: commands at a shell (the CLI), or the TUI's own words
    for a user who has no shell (a secretary logged in with ForceCommand=branchtui)."""

    init: str = "请先运行 branchtui init"
    restore: str = "可运行 branchtui restore {name} 恢复"
    # The chmod command after a wrong mode; the TUI says whom to ask instead.
    chmod: bool = True
    fix_modes: str = "请联系技术人员修正"


COMMANDS = Remedies()


def has_errors(findings: list[Finding]) -> bool:
    return any(f.level == ERROR for f in findings)


def doctor(data_dir: Path, remedies: Remedies = COMMANDS) -> list[Finding]:
    """Every finding about the folder, its file, its modes, the lock and the backups."""
    folder = Path(data_dir)
    if not folder.is_dir():
        return [Finding(ERROR, f"数据目录 {folder} 不存在，{remedies.init}。")]
    findings = _modes(folder, remedies)
    path = folder / DATA_FILE
    if path.exists():
        findings += _data_file(path, remedies)
    else:
        findings.append(Finding(ERROR, f"数据目录 {folder} 中没有 {DATA_FILE}，{remedies.init}。"))
    if is_locked(folder):
        findings.append(
            Finding(
                WARNING, "另一个会话正在写入数据（锁被占用）；如持续如此，请检查是否有卡住的进程。"
            )
        )
    else:
        findings.append(Finding(OK, "没有其他会话正在写入。"))
    leftovers = sorted(folder.glob(temp_pattern(DATA_FILE)))
    if leftovers:
        findings.append(
            Finding(
                WARNING, f"有 {len(leftovers)} 个中断写入留下的临时文件，下次打开时会自动清除。"
            )
        )
    findings += _backups(folder)
    return findings


def _modes(folder: Path, remedies: Remedies) -> list[Finding]:
    mode = stat.S_IMODE(folder.stat().st_mode)
    shared = bool(mode & stat.S_ISGID)
    want_folder, want_file = (
        (SHARED_FOLDER, SHARED_FILE) if shared else (PRIVATE_FOLDER, PRIVATE_FILE)
    )
    findings = []
    if mode != want_folder:
        findings.append(
            Finding(
                WARNING,
                f"数据目录的权限是 {mode:04o}，应为 {want_folder:04o}"
                + _fix(remedies, f"chmod {want_folder:04o} {folder}"),
            )
        )
    path = folder / DATA_FILE
    if path.exists():
        file_mode = stat.S_IMODE(path.stat().st_mode)
        if file_mode != want_file:
            findings.append(
                Finding(
                    WARNING,
                    f"{DATA_FILE} 的权限是 {file_mode:04o}，应为 {want_file:04o}"
                    + _fix(remedies, f"chmod {want_file:04o} {path}"),
                )
            )
    if not findings:
        who = "共享用户组" if shared else "当前用户"
        findings.append(Finding(OK, f"目录与文件权限正确（仅{who}可读写）。"))
    return findings


def _fix(remedies: Remedies, command: str) -> str:
    return f"（{command}）。" if remedies.chmod else f"，{remedies.fix_modes}。"


def _data_file(path: Path, remedies: Remedies) -> list[Finding]:
    found = check_file(path)
    if found.newer:
        return [
            Finding(
                WARNING,
                f"数据文件由更新版本的 branchtui 写入（数据版本 {found.version}，本程序支持 "
                f"{SCHEMA_VERSION}），只能以只读方式打开；请升级 branchtui。",
            )
        ]
    findings = []
    if found.version < SCHEMA_VERSION:
        findings.append(
            Finding(
                WARNING,
                f"数据版本 {found.version} 较旧，下次打开时会先备份，再升级到第 {SCHEMA_VERSION} 版。",
            )
        )
    if found.problem is not None or found.data is None:
        return [*findings, _corrupt(path, found.problem or "无法读取", remedies)]
    data = found.data
    dangling = dangling_references(data)
    for line in dangling[:SHOWN_REFERENCES]:
        findings.append(Finding(WARNING, f"{line}。"))
    if len(dangling) > SHOWN_REFERENCES:
        findings.append(
            Finding(WARNING, f"另有 {len(dangling) - SHOWN_REFERENCES} 处引用指向不存在的记录。")
        )
    name = data.branch.name if data.branch else "（尚未填写支部信息）"
    findings.append(
        Finding(
            OK,
            f"数据文件完好：{name}，数据版本 {SCHEMA_VERSION}，{len(data.members)} 名党员，"
            f"{len(data.meetings)} 条会议记录。",
        )
    )
    return findings


def _corrupt(path: Path, problem: str, remedies: Remedies) -> Finding:
    good = newest_good_backup(path.parent)
    offer = (
        f"最新的完好备份是 {good.name}（{good.label}），{remedies.restore.format(name=good.name)}"
        if good
        else "没有可用的备份"
    )
    return Finding(ERROR, f"数据文件 {path} 已损坏：{problem}。{offer}。文件未被改动。")


def _backups(folder: Path) -> list[Finding]:
    backups = list_backups(folder)
    if not backups:
        return [Finding(WARNING, "还没有任何备份；第一次保存时会自动创建。")]
    good = newest_good_backup(folder)
    if good is None:
        damaged = sum(1 for b in backups if b.reason == DAMAGED or backup_problem(b.path))
        if not damaged:
            return [
                Finding(WARNING, f"共有 {len(backups)} 个备份，都不含支部数据，没有可恢复的备份。")
            ]
        return [Finding(ERROR, f"共有 {len(backups)} 个备份，但没有一个是完好的。")]
    return [
        Finding(OK, f"共有 {len(backups)} 个备份，最新的完好备份：{good.name}（{good.label}）。")
    ]
