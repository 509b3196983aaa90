"""Model behaviour that the engine relies on."""

from __future__ import annotations

import pytest

from claimcheck import Level, Strength


def test_models_strength_orders_by_declaration_not_alphabet() -> None:
    assert Strength.none < Strength.correlational < Strength.conditional < Strength.direct
    assert max(Strength.direct, Strength.none) is Strength.direct  # alphabetically "none" > "direct"
    assert Strength.conditional >= Strength.correlational and Strength.direct > Strength.conditional
    assert Level.error > Level.warning >= Level.suggestion and Level.suggestion <= Level.error


def test_models_levels_do_not_compare_with_strengths() -> None:
    with pytest.raises(TypeError):
        assert Level.error < Strength.direct
