"""Links: one spelling per web page, and the fact-checks that know it.

A fact-check knows a page by its review URL (``claims.review_url``) and by the addresses where
the claim appeared (the URLs in ``claims.appearance``, which import, export, ``/add``, ``/edit``
and ``/appeared`` carry). A link someone sends is compared with those after
:func:`normalise_url` on both sides, so ``http://m.facebook.com/x/?utm_source=wa`` and
``https://www.facebook.com/x`` are the same page.

The lookup reads the claims table directly (no second copy to keep in step with edits and
undo): a scan for the link's most distinctive piece, then an exact comparison of the
normalised addresses. On 100,000 claims the scan is a few tens of milliseconds, and only a
message holding a link pays it.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from knowledge.store import ClaimBase
from knowledge.urls import TRAILING as _TRAILING
from knowledge.urls import find_links, with_scheme

# Query parameters that say who shared a link or how it was reached, never which page it is.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "igshid",
        "igsh",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "ref_src",
        "ref_url",
        "mibextid",
        "__tn__",
        "amp",
        "spm",
    }
)
# Share codes that only some sites add: X's ``?s=20&t=…``, YouTube's ``?si=…``.
SITE_TRACKING = {
    "twitter.com": frozenset({"s", "t"}),
    "x.com": frozenset({"s", "t"}),
    "youtube.com": frozenset({"si", "feature"}),
    "youtu.be": frozenset({"si", "feature"}),
}
TRACKING_PREFIXES = ("utm_", "hmb_", "pk_", "mtm_", "__cft__")
MOBILE_PREFIXES = ("www.", "m.", "mobile.", "amp.", "touch.", "mbasic.", "web.")


def normalise_url(url: str) -> str | None:
    """One spelling per page: no scheme, host lower case without ``www.``/mobile prefixes or
    AMP, path without a trailing slash or an AMP suffix, the query without tracking
    parameters (the rest sorted), no fragment. None for what is not a web address."""
    address = with_scheme(url.strip().rstrip(_TRAILING))
    if address is None:
        return None
    url = address
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").casefold().rstrip(".")
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.casefold() not in ("http", "https") or not host:
        return None
    changed = True
    while changed:
        changed = False
        for prefix in MOBILE_PREFIXES:
            if host.startswith(prefix) and host.count(".") >= 2:
                host = host.removeprefix(prefix)
                changed = True
    if host.endswith(".cdn.ampproject.org"):
        # https://www-example-com.cdn.ampproject.org/c/s/www.example.com/page
        match = re.match(r"^/[a-z]/(?:s/)?(.+)$", parts.path)
        if match:
            return normalise_url("https://" + match.group(1))
    if port not in (None, 80, 443):
        host = f"{host}:{port}"
    path = quote(unquote(parts.path), safe="/:@!$&'()*+,;=-._~")
    segments = [s for s in path.split("/") if s]
    while segments and segments[-1].casefold() in ("amp", "amp.html"):
        segments.pop()
    if segments and segments[-1].casefold().endswith(".amp"):
        segments[-1] = segments[-1][: -len(".amp")]
    if segments and segments[-1].casefold() in ("index.html", "index.htm", "index.php"):
        segments.pop()
    dropped = TRACKING_PARAMS | SITE_TRACKING.get(host, frozenset())
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.casefold() not in dropped and not key.casefold().startswith(TRACKING_PREFIXES)
    ]
    result = host + ("/" + "/".join(segments) if segments else "")
    if query:
        result += "?" + urlencode(sorted(query))
    return result


def appearance_urls(appearance: str | None) -> list[str]:
    """The web addresses in a claim's ``appearance`` text (``"Facebook post; https://…"``)."""
    return find_links(appearance or "")


def _needles(normalised: str) -> tuple[str, str]:
    """The most distinctive piece of a normalised address that any spelling of it holds
    verbatim: its longest path segment, else its host without the port; as written with
    percent escapes and without."""
    host, _, rest = normalised.partition("/")
    path = rest.split("?", 1)[0]
    segments = sorted((s for s in path.split("/") if s), key=len, reverse=True)
    piece = segments[0] if segments else host.split(":", 1)[0]
    return piece.casefold(), unquote(piece).casefold()


def claims_for_link(base: ClaimBase, url: str, *, limit: int = 5) -> list[tuple[str, str]]:
    """Published fact-checks that know this page: (claim id, "review" or "appearance"), the
    review URL first. [] for an unknown page or what is not a web address."""
    wanted = normalise_url(url)
    if wanted is None:
        return []
    quoted, plain = _needles(wanted)
    rows = base.conn.execute(
        "SELECT id, review_url, appearance FROM claims WHERE status = 'published' AND ("
        "instr(lower(review_url), ?) > 0 OR instr(lower(appearance), ?) > 0 OR "
        "instr(lower(review_url), ?) > 0 OR instr(lower(appearance), ?) > 0) ORDER BY id",
        [quoted, quoted, plain, plain],
    )
    reviews: list[tuple[str, str]] = []
    appearances: list[tuple[str, str]] = []
    for claim_id, review_url, appearance in rows:
        if review_url and normalise_url(review_url) == wanted:
            reviews.append((claim_id, "review"))
        elif any(normalise_url(u) == wanted for u in appearance_urls(appearance)):
            appearances.append((claim_id, "appearance"))
    return (reviews + appearances)[:limit]
