"""Files served from an npm package's tarball (gids/vendor.py): checked
against the pinned integrity before anything is put in place, and fetched
by `make test` and `make site-all-versions`."""

from __future__ import annotations

import io
import re
import tarfile
from pathlib import Path

import pytest

from gids import publish, vendor
from gids.site_folder import Refused
from tests.helpers import ROOT

FILES = {"package/dist/bundel.js": "bundel.js", "package/package.json": "package.json"}


def tarball(path: Path, members: dict[str, bytes]) -> bytes:
    with tarfile.open(path, "w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path.read_bytes()


def package_for(data: bytes) -> vendor.Package:
    return vendor.Package("voorbeeld", "1.2.3", vendor.integrity_of(data), FILES)


def test_the_files_come_out_of_a_tarball_with_the_pinned_integrity(tmp_path: Path) -> None:
    path = tmp_path / "voorbeeld.tgz"
    package = package_for(tarball(path, {"package/dist/bundel.js": b"// js\n", "package/package.json": b"{}", "package/extra": b"x"}))
    assert not package.present(tmp_path)
    vendor.unpack(package, path, tmp_path)
    folder = tmp_path / "vendor" / "voorbeeld"
    assert sorted(p.name for p in folder.iterdir()) == ["VERSION", "bundel.js", "package.json"]
    assert (folder / "bundel.js").read_bytes() == b"// js\n"
    assert package.present(tmp_path)
    # Another version in the folder is not this one.
    assert not vendor.Package("voorbeeld", "1.2.4", package.integrity, FILES).present(tmp_path)


def test_a_tarball_that_is_not_the_pinned_one_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "voorbeeld.tgz"
    good = package_for(tarball(path, {"package/dist/bundel.js": b"goed", "package/package.json": b"{}"}))
    vendor.unpack(good, path, tmp_path)
    tarball(path, {"package/dist/bundel.js": b"kwaad", "package/package.json": b"{}"})
    with pytest.raises(vendor.VendorError, match="controlesom klopt niet"):
        vendor.unpack(good, path, tmp_path)
    assert (tmp_path / "vendor" / "voorbeeld" / "bundel.js").read_bytes() == b"goed"


def test_a_file_missing_from_the_tarball_is_named(tmp_path: Path) -> None:
    path = tmp_path / "voorbeeld.tgz"
    package = package_for(tarball(path, {"package/package.json": b"{}"}))
    with pytest.raises(vendor.VendorError, match="ontbreekt package/dist/bundel.js"):
        vendor.unpack(package, path, tmp_path)
    assert not (tmp_path / "vendor" / "voorbeeld").exists()


def test_an_unknown_package_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert vendor.main(["iets-anders"]) == 2
    assert "Onbekend pakket: iets-anders" in capsys.readouterr().err


def test_decap_cms_is_pinned_to_a_version_and_its_integrity() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", vendor.DECAP_CMS.version)
    assert re.fullmatch(r"sha512-[A-Za-z0-9+/]{86}==", vendor.DECAP_CMS.integrity)
    assert "decap-cms.js" in vendor.DECAP_CMS.files.values()


def test_make_test_and_publication_fetch_the_form() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^\$\(DECAP_CMS\):.*\n(?:\t.*\n)*\t.*-m gids\.vendor decap-cms", makefile, re.M)
    for target in ("test", "site-all-versions"):
        rule = re.search(rf"^{target}:(?! export)(.*)$", makefile, re.M)
        assert rule and "$(DECAP_CMS)" in rule.group(1), target
    assert "/vendor/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_publication_needs_the_form(tmp_path: Path) -> None:
    # One sentence, before anything is read or built.
    with pytest.raises(Refused) as refused:
        publish.publish(tmp_path, tmp_path / "public", "https://gids.example.org/")
    assert str(refused.value) == (
        f"Het formulier om de gids te bewerken (Decap CMS {vendor.DECAP_CMS.version}) ontbreekt: "
        "haal het eerst op met make decap-cms."
    )
