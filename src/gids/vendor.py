"""Files the site serves from an npm package without installing it:
``make decap-cms`` (``python -m gids.vendor decap-cms``).

Decap CMS, the form at /bewerken/ (``cms.py``), is one browser bundle; its
npm package would pull in a dependency tree of hundreds of packages, which
the bundle already holds. So only its tarball is fetched (``npm pack``,
which honours the user's npm settings and cache), checked against the
integrity the registry published for the pinned version, and the few files
the site needs are taken out of it into ``vendor/`` (git-ignored).

Plain Python: nothing of MkDocs is imported here.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

FOLDER = "vendor"


@dataclass(frozen=True)
class Package:
    """A pinned npm package of which the site serves a few files."""

    name: str
    version: str
    #: The tarball's integrity as the registry lists it (``dist.integrity``).
    integrity: str
    #: Path inside the tarball -> file name in the package's folder.
    files: dict[str, str]

    @property
    def folder(self) -> str:
        return f"{FOLDER}/{self.name}"

    def path(self, root: Path, name: str) -> Path:
        return root / self.folder / name

    def present(self, root: Path) -> bool:
        """Whether every file is there, taken from this version's tarball."""
        stamp = self.path(root, VERSION_FILE)
        return all(self.path(root, name).is_file() for name in self.files.values()) and stamp.is_file() and (
            stamp.read_text(encoding="utf-8").strip() == self.version
        )


#: Written last: the folder holds this version, complete.
VERSION_FILE = "VERSION"

DECAP_CMS = Package(
    "decap-cms",
    "3.16.3",
    "sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw==",
    {
        "package/dist/decap-cms.js": "decap-cms.js",
        # The licences of what the bundle holds; Decap itself is MIT
        # (package.json).
        "package/dist/decap-cms.js.LICENSE.txt": "decap-cms.js.LICENSE.txt",
        "package/package.json": "package.json",
    },
)
PACKAGES = {DECAP_CMS.name: DECAP_CMS}


class VendorError(Exception):
    """Why the files could not be fetched (Dutch)."""


def integrity_of(data: bytes) -> str:
    """The npm integrity string (Subresource Integrity, sha512) of ``data``."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def unpack(package: Package, tarball: Path, root: Path) -> None:
    """Check ``tarball`` against the pinned integrity, then put its files in
    the package's folder: written beside it, then swapped in."""
    if integrity_of(tarball.read_bytes()) != package.integrity:
        raise VendorError(
            f"Het pakket {package.name} {package.version} is niet het pakket dat we verwachten "
            "(de controlesom klopt niet). Er is niets veranderd."
        )
    target = root / package.folder
    new = target.with_name(target.name + ".new")
    shutil.rmtree(new, ignore_errors=True)
    new.mkdir(parents=True)
    with tarfile.open(tarball, "r:gz") as archive:
        for inside, name in package.files.items():
            try:
                member = archive.getmember(inside)
            except KeyError:
                raise VendorError(f"In het pakket {package.name} ontbreekt {inside}.") from None
            source = archive.extractfile(member)
            if source is None:
                raise VendorError(f"In het pakket {package.name} is {inside} geen gewoon bestand.")
            with source, (new / name).open("wb") as out:
                shutil.copyfileobj(source, out)
    (new / VERSION_FILE).write_text(package.version + "\n", encoding="utf-8")
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


def fetch(package: Package, root: Path) -> None:
    """``npm pack`` the pinned version into a temporary folder, and unpack it."""
    npm = shutil.which("npm")
    if npm is None:
        raise VendorError("npm ontbreekt. Installeer het met: sudo apt-get install npm")
    with tempfile.TemporaryDirectory(prefix="gids-vendor-") as temp:
        result = subprocess.run(
            [npm, "pack", "--silent", f"{package.name}@{package.version}"],
            cwd=temp,
            capture_output=True,
            text=True,
        )
        tarballs = list(Path(temp).glob("*.tgz"))
        if result.returncode != 0 or len(tarballs) != 1:
            said = (result.stderr or result.stdout).strip().splitlines()
            raise VendorError(
                f"npm kon {package.name} {package.version} niet ophalen"
                + (f": {said[-1]}" if said else ".")
            )
        unpack(package, tarballs[0], root)


def main(argv: list[str] | None = None) -> int:
    names = sys.argv[1:] if argv is None else argv
    for name in names:
        package = PACKAGES.get(name)
        if package is None:
            print(f"Onbekend pakket: {name}. Bekend: {', '.join(PACKAGES)}.", file=sys.stderr)
            return 2
        try:
            fetch(package, Path.cwd())
        except (VendorError, OSError, tarfile.TarError) as error:
            print(str(error), file=sys.stderr)
            return 1
        print(f"{package.name} {package.version} staat in {package.folder}/.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
