"""The guide's search page (/zoeken/: Pagefind's interface) as the browser
tests use it: open it with a query or type one, wait until every result
shown has loaded, and read the results' addresses in their order."""

from __future__ import annotations

from urllib.parse import quote

from playwright.sync_api import Page

SEARCH_PAGE = "zoeken/"
#: The header's link to the search page, on every page.
BUTTON = "a.gids-search-button"
INPUT = "#gids-search .pagefind-ui__search-input"
RESULT = "#gids-search .pagefind-ui__result"
RESULT_LINK = "#gids-search .pagefind-ui__result-link"
MESSAGE = "#gids-search .pagefind-ui__message"
MORE = "#gids-search .pagefind-ui__button"

# Done when the message names this query ("4 resultaten voor x", "Niets
# gevonden voor x"; while searching it does not), and every result shown
# has its link: Pagefind shows a placeholder per result until that result's
# fragment has loaded. ``shown``: more results than were shown before.
_SETTLED = """([query, before]) => {
  const root = document.getElementById("gids-search");
  const message = root && root.querySelector(".pagefind-ui__message");
  if (!message || !message.textContent.trim().endsWith(" voor " + query)) return false;
  if (message.textContent.trim().startsWith("Niets gevonden")) return true;
  const results = root.querySelectorAll(".pagefind-ui__result");
  return results.length > before
    && root.querySelectorAll(".pagefind-ui__results .pagefind-ui__loading").length === 0
    && root.querySelectorAll(".pagefind-ui__result-link").length === results.length;
}"""


def address(url: str, site_url: str) -> str:
    """``dilemmas/x/`` for a result's full URL on the site at ``site_url``."""
    return url.removeprefix(site_url).split("?")[0].split("#")[0]


def shown(page: Page, site_url: str, query: str, *, everything: bool = False) -> list[str]:
    """The addresses of the results shown for ``query``, best first, once
    they have loaded; with ``everything``, after "Meer resultaten" until
    all are shown (Pagefind shows five at a time)."""
    page.wait_for_function(_SETTLED, arg=[query, 0], timeout=15_000)
    more = page.locator(MORE)
    while everything and more.is_visible():
        before = page.locator(RESULT).count()
        more.click()
        page.wait_for_function(_SETTLED, arg=[query, before], timeout=15_000)
    hrefs = page.locator(RESULT_LINK).evaluate_all("links => links.map(a => a.href)")
    return [address(h, site_url) for h in hrefs]


def search(page: Page, site_url: str, query: str, *, everything: bool = False) -> list[str]:
    """Open /zoeken/?q=<query> (how a link to a search starts one) and
    return the results' addresses, best first."""
    page.goto(site_url + SEARCH_PAGE + "?q=" + quote(query))
    return shown(page, site_url, query, everything=everything)


def type_query(page: Page, site_url: str, query: str, *, everything: bool = False) -> list[str]:
    """Type ``query`` into the search page's field, as a reader does, and
    return the results' addresses, best first."""
    page.locator(INPUT).press_sequentially(query, delay=20)
    return shown(page, site_url, query, everything=everything)
