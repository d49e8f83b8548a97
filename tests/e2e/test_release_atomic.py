"""`make release` for real: its inputs reach Python exactly as typed, and a
release killed at any moment leaves a guide that is either as it was or
completely released, once the next command has put it right."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from gids import load_guide
from gids.release import JOURNAL, make_release, recover
from tests.helpers import copy_fixture_guide, copy_project

PRINCIPLE = "principles/luister-echt.md"
DILEMMA = "dilemmas/minister-of-samenleving.md"
#: A principle of the real guide, for the runs of `make release`.
PROJECT_PRINCIPLE = "principles/luister-naar-burgers.md"
DATE = dt.date(2026, 3, 1)

# Runs the release with os.replace, os.unlink and os.chmod counted for the
# files of the guide; at call number KILL_AT the process kills itself with
# SIGKILL (which nothing can catch), as a power cut or `kill -9` would.
# Every call is written to a log, so a test can choose where to kill.
KILLER = textwrap.dedent(
    """
    import os, signal, sys

    root, kill_at, log = os.path.realpath(sys.argv[1]), int(sys.argv[2]), open(sys.argv[3], "a")
    calls = 0

    def counted(name, real):
        def call(*args, **kwargs):
            global calls
            result = real(*args, **kwargs)
            path = os.path.realpath(os.fspath(args[-1] if name == "replace" else args[0]))
            if path.startswith(root + os.sep):
                calls += 1
                log.write(f"{name} {os.path.relpath(path, root)}\\n")
                log.flush()
                if calls == kill_at:
                    os.kill(os.getpid(), signal.SIGKILL)
            return result
        return call

    for name in ("replace", "unlink", "chmod"):
        setattr(os, name, counted(name, getattr(os, name)))

    from gids.release import main
    sys.exit(main(sys.argv[4:]))
    """
)


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _add_note(root: Path, rel: str, note: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    if "\nhistory:\n" in text:
        text = text.replace("\nhistory:\n", f"\nhistory:\n  - note: {note}\n", 1)
    else:
        text = text.replace("\n---\n\n", f"\nhistory:\n  - note: {note}\n---\n\n", 1)
    path.write_text(text, encoding="utf-8")


def _run_killer(tmp_path: Path, root: Path, kill_at: int, *args: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    script = tmp_path / "killer.py"
    script.write_text(KILLER, encoding="utf-8")
    log = tmp_path / f"calls-{root.name}-{kill_at}.log"
    log.write_text("", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script), str(root), str(kill_at), str(log), *args, "--root", str(root)],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    return result, log.read_text(encoding="utf-8").splitlines()


RELEASE_ARGS = ("1.1", "Betere voorbeelden", "Een voorbeeld en een vraag erbij.", "--date", "2026-03-01")


@pytest.fixture
def unreleased(tmp_path: Path) -> Path:
    """The fixture guide with changes in two files waiting for a release."""
    base = copy_fixture_guide(tmp_path / "base")
    _add_note(base, PRINCIPLE, "Voorbeeld toegevoegd.")
    _add_note(base, DILEMMA, "Nieuwe vraag.")
    return base


def test_a_release_killed_at_any_moment_is_put_right(tmp_path: Path, unreleased: Path) -> None:
    old = _snapshot(unreleased)
    whole = tmp_path / "whole"
    shutil.copytree(unreleased, whole)
    result, calls = _run_killer(tmp_path, whole, 0, *RELEASE_ARGS)
    assert result.returncode == 0, result.stderr
    new = _snapshot(whole)
    assert len(new) == len(old) and new != old
    swaps = [i + 1 for i, call in enumerate(calls) if call.startswith("replace") and not call.endswith(JOURNAL)]
    assert len(swaps) == 3, calls  # the principle, the dilemma, the changelog

    outcomes = []
    for kill_at in range(1, len(calls) + 1):
        root = tmp_path / f"killed-{kill_at}"
        shutil.copytree(unreleased, root)
        result, _ = _run_killer(tmp_path, root, kill_at, *RELEASE_ARGS)
        assert result.returncode == -9, (kill_at, result.stdout, result.stderr)
        if swaps[0] <= kill_at < swaps[-1]:
            # Some files are released and others not: what the journal is for.
            assert _snapshot(root) not in (old, new)
        said = recover(root)
        after = _snapshot(root)
        assert after in (old, new), f"killed after call {kill_at} ({calls[kill_at - 1]}): {said}"
        assert not [name for name in after if "gids-release" in name]
        outcomes.append((after == new, said))

    # The journal's states: "preparing", "replacing" (from then on a kill is
    # rolled back), "done" (from then on the release stands). Either way the
    # next command says what it did.
    preparing, replacing, done = [i + 1 for i, call in enumerate(calls) if call == f"replace {JOURNAL}"]
    assert preparing == 1 and replacing < swaps[0] and swaps[-1] < done
    for kill_at, (released, said) in enumerate(outcomes, start=1):
        assert released == (kill_at >= done), kill_at
        if kill_at < replacing:
            assert said == "Een eerdere 'make release' stopte voordat er iets veranderde; de hulpbestanden zijn nu weg."
        elif kill_at < done:
            assert said == (
                "Een eerdere 'make release' was halverwege gestopt en is teruggedraaid: "
                "3 bestanden staan weer zoals ze waren."
            )
        elif kill_at < len(calls):
            assert said == "Een eerdere 'make release' was klaar maar niet opgeruimd; de hulpbestanden zijn nu weg."
        else:
            assert said is None  # killed after the very last step


def test_the_next_release_rolls_back_first_and_says_so(tmp_path: Path, unreleased: Path) -> None:
    old = _snapshot(unreleased)
    _, calls = _run_killer(tmp_path, shutil.copytree(unreleased, tmp_path / "probe"), 0, *RELEASE_ARGS)
    first_swap = next(i + 1 for i, call in enumerate(calls) if call == f"replace {DILEMMA}")
    root = shutil.copytree(unreleased, tmp_path / "killed")
    result, _ = _run_killer(tmp_path, root, first_swap, *RELEASE_ARGS)
    assert result.returncode == -9
    assert _snapshot(root) != old and (root / JOURNAL).exists(), "one file released, the others not"

    again = subprocess.run(
        [sys.executable, "-m", "gids.release", *RELEASE_ARGS, "--root", str(root)],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith(
        "Een eerdere 'make release' was halverwege gestopt en is teruggedraaid: 3 bestanden staan weer zoals ze waren.\n"
        "Versie 1.1 is klaar"
    )
    assert "Traceback" not in again.stdout + again.stderr
    guide, problems = load_guide(root)
    assert problems == [] and guide is not None and guide.unreleased_count() == 0
    assert not (root / JOURNAL).exists()


# --- make release, for real -------------------------------------------------


def _make_release(project: Path, **values: str) -> subprocess.CompletedProcess[str]:
    """`make release` in ``project`` with the virtual environment running
    these tests (``-o``: never rebuild it)."""
    venv = Path(sys.prefix)
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(project), "release", f"VENV={venv}", "-o", f"{venv}/bin/mkdocs"]
        + [f"{name}={value}" for name, value in values.items()],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the real project with one change waiting for a release."""
    copy = copy_project(tmp_path / "project")
    _add_note(copy, PROJECT_PRINCIPLE, "Een voorbeeld erbij.")
    return copy


def test_make_release_passes_the_text_exactly_and_runs_none_of_it(project: Path) -> None:
    title = "`touch x1` $(touch x2) $(shell touch x3) ${HOME} $$ \"dubbel\" 'enkel' \\ ; & | #"
    summary = "Niets hiervan draait: `touch x4`, $(touch x5) en $(shell touch x6); \"ja\" en 'nee'."
    result = _make_release(project, VERSION="1.1", TITLE=title, SUMMARY=summary, DATE="2026-03-01")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Versie 1.1 is klaar" in result.stdout
    assert not [name for name in ("x1", "x2", "x3", "x4", "x5", "x6") if (project / name).exists()]
    guide, problems = load_guide(project)
    assert problems == [] and guide is not None
    release = guide.releases[0]
    assert (release.version, release.title, release.summary, release.date) == ("1.1", title, summary, DATE)


@pytest.mark.parametrize(
    "values, says",
    [
        ({}, "Geen nieuwe versie gemaakt:\nhet versienummer (VERSION) is leeg"),
        ({"VERSION": "1.1", "TITLE": "Titel", "SUMMARY": "Kort.", "DATE": "2026-02-30"}, "2026-02-30 bestaat niet"),
        ({"VERSION": "v1.1", "TITLE": "Titel", "SUMMARY": "Kort."}, "'v1.1' is geen versienummer"),
        ({"VERSION": "1.1", "TITLE": "Twee\nregels", "SUMMARY": "Kort."}, "de titel (TITLE) bevat een regelovergang"),
        ({"VERSION": "1.1", "TITLE": "x" * 10_000, "SUMMARY": "Kort."}, "de titel (TITLE) is 10000 tekens lang"),
    ],
)
def test_make_release_refuses_bad_input_in_dutch(project: Path, values: dict[str, str], says: str) -> None:
    before = _snapshot(project)
    result = _make_release(project, **values)
    assert result.returncode != 0
    assert says in result.stderr, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert _snapshot(project) == before


def test_make_release_after_a_killed_release_restores_first(tmp_path: Path, project: Path) -> None:
    reference = copy_project(tmp_path / "reference")
    _add_note(reference, PROJECT_PRINCIPLE, "Een voorbeeld erbij.")
    make_release(reference, "1.1", "Titel", "Kort.", DATE)

    _, calls = _run_killer(tmp_path, shutil.copytree(project, tmp_path / "probe"), 0, "1.1", "Titel", "Kort.", "--date", "2026-03-01")
    first_swap = next(i + 1 for i, call in enumerate(calls) if call == f"replace {PROJECT_PRINCIPLE}")
    result, _ = _run_killer(tmp_path, project, first_swap, "1.1", "Titel", "Kort.", "--date", "2026-03-01")
    assert result.returncode == -9
    assert (project / JOURNAL).exists()

    again = _make_release(project, VERSION="1.1", TITLE="Titel", SUMMARY="Kort.", DATE="2026-03-01")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Een eerdere 'make release' was halverwege gestopt en is teruggedraaid: 2 bestanden" in again.stdout
    assert _snapshot(project) == _snapshot(reference)


def test_make_check_puts_an_interrupted_release_right_first(tmp_path: Path, unreleased: Path) -> None:
    old = _snapshot(unreleased)
    _, calls = _run_killer(tmp_path, shutil.copytree(unreleased, tmp_path / "probe"), 0, *RELEASE_ARGS)
    first_swap = next(i + 1 for i, call in enumerate(calls) if call == f"replace {DILEMMA}")
    root = shutil.copytree(unreleased, tmp_path / "killed")
    assert _run_killer(tmp_path, root, first_swap, *RELEASE_ARGS)[0].returncode == -9

    checked = subprocess.run(
        [sys.executable, "-m", "gids.check", "--root", str(root)],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        timeout=120,
    )

    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.startswith("Een eerdere 'make release' was halverwege gestopt en is teruggedraaid")
    assert "Controle klaar: alles in orde." in checked.stdout
    assert _snapshot(root) == old
