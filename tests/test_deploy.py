"""deploy/: the Dockerfile, compose.yaml and the systemd units say what the README says.

Docker cannot build here (no network for the base image), so the Dockerfile is linted with
hadolint (the test extra installs it where a wheel exists) and read for its essentials; the
systemd units are checked with ``systemd-analyze verify`` where systemd is installed.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from adapters import cli
from adapters.cli.help import ENVIRONMENT

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
DOCKERFILE = (DEPLOY / "Dockerfile").read_text("utf-8")
COMPOSE = (DEPLOY / "compose.yaml").read_text("utf-8")
UNITS = sorted((DEPLOY / "systemd").glob("*.service"))


def instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of a Dockerfile, continuation lines joined, comments dropped."""
    joined = re.sub(r"\\\n", " ", "\n".join(x for x in text.splitlines() if not x.startswith("#")))
    found = []
    for line in joined.splitlines():
        if line.strip():
            word, _, rest = line.strip().partition(" ")
            found.append((word.upper(), rest.strip()))
    return found


def exec_form(arguments: str) -> list[str]:
    value = json.loads(arguments)
    assert isinstance(value, list)
    return [str(v) for v in value]


def test_dockerfile_has_the_essentials() -> None:
    steps = instructions(DOCKERFILE)
    kinds = [k for k, _ in steps]
    base = dict(steps)["FROM"]
    assert re.fullmatch(r"python:3\.1[1-9][\w.-]*-slim[\w.-]*", base), base
    user = [a for k, a in steps if k == "USER"][-1]
    assert user.split(":")[0] not in ("root", "0")
    assert kinds.index("USER") < kinds.index("ENTRYPOINT")  # the bots never run as root
    assert "/data" in exec_form(dict(steps)["VOLUME"])
    env = " ".join(a for k, a in steps if k == "ENV")
    assert "FACTBOT_DB=/data/" in env  # the claim base is on the volume
    assert exec_form(dict(steps)["ENTRYPOINT"]) == ["factbot"]
    command = exec_form(dict(steps)["CMD"])
    args = cli.build_parser().parse_args(command)
    host, port = args.metrics.rsplit(":", 1)
    assert host == "0.0.0.0"
    health = dict(steps)["HEALTHCHECK"]
    assert f"127.0.0.1:{port}/healthz" in health and "--interval=" in health
    ignored = (ROOT / ".dockerignore").read_text("utf-8").split()
    assert ".venv" in ignored and ".git" in ignored and "deploy/.env" in ignored


def test_dockerfile_passes_hadolint() -> None:
    hadolint = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
    if not Path(hadolint).exists():
        pytest.skip("hadolint is not installed (the test extra brings it on x86-64 Linux)")
    run = subprocess.run(
        [hadolint, "--no-color", str(DEPLOY / "Dockerfile")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def compose_services() -> dict[str, str]:
    body = COMPOSE.split("\nservices:\n", 1)[1].split("\nvolumes:\n", 1)[0]
    parts = re.split(r"^  (\w+):\n", body, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_compose_runs_both_bots_on_one_base_with_health_checks() -> None:
    services = compose_services()
    assert set(services) == {"telegram", "slack"}
    anchor = COMPOSE.split("x-bot: &bot", 1)[1].split("\nservices:", 1)[0]
    assert "- factbot-data:/data" in anchor and "read_only: true" in anchor
    assert "dockerfile: deploy/Dockerfile" in anchor  # each service can build the image alone
    healthcheck_port = exec_form(dict(instructions(DOCKERFILE))["CMD"])[-1].rsplit(":", 1)[1]
    for name, service in services.items():
        assert "<<: *bot" in service, name  # the shared volume, hardening and restart policy
        command = exec_form(re.search(r"command: (\[.*\])", service).group(1))  # type: ignore[union-attr]
        args = cli.build_parser().parse_args(command)
        assert args.command == name and args.metrics == f"0.0.0.0:{healthcheck_port}"
        environment = service.split("    environment:\n", 1)[1].split("\n    ports:", 1)[0]
        for variable in re.findall(r"^      (\w+):", environment, flags=re.M):
            assert variable in ENVIRONMENT, variable  # a variable the bots read
    assert "TELEGRAM_BOT_TOKEN" in services["telegram"] and "SLACK_APP_TOKEN" in services["slack"]
    example = (DEPLOY / "env.example").read_text("utf-8")
    for variable in re.findall(r"^(\w+)=", example, flags=re.M):
        assert variable in ENVIRONMENT and "${" + variable in COMPOSE


@pytest.mark.parametrize("unit", UNITS, ids=[u.name for u in UNITS])
def test_systemd_unit_is_hardened_and_runs_a_factbot_command(unit: Path) -> None:
    text = unit.read_text("utf-8")
    settings = dict(
        line.split("=", 1) for line in text.splitlines() if "=" in line and line[0].isalpha()
    )
    for key, value in {
        "DynamicUser": "yes",
        "StateDirectory": "factbot",
        "ProtectSystem": "strict",
        "ProtectHome": "yes",
        "NoNewPrivileges": "yes",
        "User": "factbot",  # both units share one dynamic user, so one base
    }.items():
        assert settings.get(key) == value, key
    environment = [
        line.split("=", 1)[1] for line in text.splitlines() if line.startswith("Environment=")
    ]
    assert "FACTBOT_DB=%S/factbot/factbot.db" in environment
    # The built model graph and the vectors kept where the dynamic user may write them.
    assert "XDG_CACHE_HOME=%C" in environment and settings.get("CacheDirectory") == "factbot"
    command = shlex.split(settings["ExecStart"])
    assert command[0] == "/opt/factbot/bin/factbot"
    args = cli.build_parser().parse_args(command[1:])
    assert unit.name == f"factbot-{args.command}.service" and args.metrics.startswith("127.0.0.1:")


def test_systemd_units_verify(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    factbot = Path(sys.executable).parent / "factbot"
    copies = []
    for unit in UNITS:
        # The units name the documented install path; verify them against this install.
        copy = tmp_path / unit.name
        copy.write_text(unit.read_text("utf-8").replace("/opt/factbot/bin/factbot", str(factbot)))
        copies.append(str(copy))
    run = subprocess.run(
        [analyze, "verify", *copies], capture_output=True, text=True, timeout=60, check=False
    )
    assert run.returncode == 0 and not run.stderr.strip(), run.stderr
