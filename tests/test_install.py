"""The built wheel carries its rules and corpus and runs from any folder."""

from __future__ import annotations

import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_install_wheel_into_fresh_venv_runs_from_temp_dir(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(dist), str(ROOT)],
        check=True,
    )
    (wheel,) = dist.glob("claimcheck-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    # the evidence corpus ships; evaluation corpora (and third-party texts under corpus/web/) never do
    assert "claimcheck/_data/corpus/sources.yaml" in names
    assert not [n for n in names if n.startswith("claimcheck/_data/corpus/") and not n.endswith("sources.yaml")]
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bin_dir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    # Dependencies come from this environment's site-packages (a path entry, so its .pth
    # files, including an editable claimcheck, are not processed): no network needed.
    purelib = Path(
        subprocess.run(
            [str(bin_dir / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    outer = {sysconfig.get_paths()["purelib"], *site.getsitepackages()}
    (purelib / "_outer_deps.pth").write_text("\n".join(sorted(outer)) + "\n", encoding="utf-8")
    subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "note.md").write_text("Intranasal oxytocin, the love hormone, reaches everyone.\n", encoding="utf-8")
    where = subprocess.run(
        [str(bin_dir / "python"), "-c", "import claimcheck.paths as p; print(p.data_dir())"],
        cwd=elsewhere,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(venv), where
    result = subprocess.run(
        [str(bin_dir / "claimcheck"), "check", "note.md"], cwd=elsewhere, capture_output=True, text=True
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("note.md:1:26: OXT101 [warning]")
    rules = subprocess.run([str(bin_dir / "claimcheck"), "rules"], cwd=elsewhere, capture_output=True, text=True)
    assert rules.returncode == 0 and "OXT101" in rules.stdout
