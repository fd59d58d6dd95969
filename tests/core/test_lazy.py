"""`lazy_names`: a package's names imported from their modules on first use, kept once found."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from reader.core.lazy import lazy_names


def test_a_name_is_imported_when_first_asked_for_and_then_kept() -> None:
    sys.modules.pop("colorsys", None)
    namespace: dict[str, Any] = {}
    getattr_, dir_ = lazy_names("pkg", {"rgb_to_hsv": "colorsys"}, namespace)
    assert "colorsys" not in sys.modules and namespace == {}
    found = getattr_("rgb_to_hsv")
    import colorsys

    assert found is colorsys.rgb_to_hsv and namespace == {"rgb_to_hsv": colorsys.rgb_to_hsv}
    assert dir_() == ["rgb_to_hsv"]


def test_any_other_name_is_an_attribute_error_naming_the_package() -> None:
    getattr_, _ = lazy_names("pkg", {"rgb_to_hsv": "colorsys"}, {})
    with pytest.raises(AttributeError, match="module 'pkg' has no attribute 'nothing'"):
        getattr_("nothing")
