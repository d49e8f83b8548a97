"""Links into the repository's web editor: "edit this page" and "propose a
new one". The repository address is configured once (mkdocs.yml, or the CI
variables the pipelines pass on); GitHub and GitLab spell the links
differently.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlsplit


@dataclass(frozen=True)
class Repository:
    """Where the guide's sources live, and its default branch."""

    url: str
    branch: str = "main"

    @property
    def is_github(self) -> bool:
        return urlsplit(self.url).hostname == "github.com"

    @property
    def base(self) -> str:
        return self.url.rstrip("/")

    def edit_url(self, path: str) -> str:
        """The web editor for an existing file (a path from the root)."""
        separator = "" if self.is_github else "/-"
        return f"{self.base}{separator}/edit/{self.branch}/{quote(path)}"

    def new_file_url(self, folder: str, file_name: str, content: str) -> str:
        """The web editor for a new file in ``folder``.

        GitHub fills in the name and the content. GitLab fills in the name;
        its editor ignores a ``content`` parameter, so the page beside the
        link shows the template to paste.
        """
        if self.is_github:
            return f"{self.base}/new/{self.branch}/{quote(folder)}?filename={quote(file_name)}&value={quote(content)}"
        return f"{self.base}/-/new/{self.branch}/{quote(folder)}?file_name={quote(file_name)}"
