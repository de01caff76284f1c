"""Stylesheets parsed once per process for the same CSS and the same variables.

Textual 8.2.8 re-parses every stylesheet source when it refreshes the CSS (``App.refresh_css``,
which it does for the first mode's screen, before the first frame): ``Stylesheet.reparse``
parses into a new Stylesheet whose parse cache is empty, so app.tcss (~9 ms) and the default
CSS read so far are parsed a second time with the very same variables. The rules parsed from a
source depend only on its text, where it was read from, its kind, tie-breaker and scope, and
the variables (``$primary`` …): keyed by all of these, a parse is reused by any Stylesheet of
the process. A theme with other colours has other variables, so it is parsed anew.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.css.stylesheet import Stylesheet

if TYPE_CHECKING:
    from textual.css.model import RuleSet
    from textual.css.types import CSSLocation

_PARSED: dict[tuple[Any, ...], list[RuleSet]] = {}
# The variables of the last Stylesheet asked (the dict itself, and its items as a key).
_last_variables: list[Any] = [None, ()]


def _variables_key(variables: dict[str, str]) -> tuple[tuple[str, str], ...]:
    if _last_variables[0] is not variables:
        _last_variables[:] = [variables, tuple(sorted(variables.items()))]
    key: tuple[tuple[str, str], ...] = _last_variables[1]
    return key


def share_parsed_stylesheets() -> None:
    """Make every Stylesheet reuse the rules parsed from the same source and variables (once)."""
    if getattr(Stylesheet._parse_rules, "shared_parse", False):
        return
    parse_rules = Stylesheet._parse_rules

    def shared(
        self: Stylesheet,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        variables = _variables_key(self._variables)
        key = (css, read_from, is_default_rules, tie_breaker, scope, variables)
        rules = _PARSED.get(key)
        if rules is None:  # (a source that does not parse raises, and is not kept)
            rules = parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
            _PARSED[key] = rules
        return rules

    shared.shared_parse = True  # type: ignore[attr-defined]
    Stylesheet._parse_rules = shared  # type: ignore[method-assign]
