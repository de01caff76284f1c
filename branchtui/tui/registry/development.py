"""发展党员 (DEV): the screens of this area, in the order its menu lists them."""

from __future__ import annotations

from branchtui.tui.registry.spec import ScreenSpec

SCREENS: tuple[ScreenSpec, ...] = ()
