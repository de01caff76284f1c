"""branchtui: the duties of a Party branch in the terminal (党支部工作台)."""

# Kept equal to pyproject.toml's version (tests/unit/obligations/test_version.py checks it);
# read from here because importlib.metadata costs ~100 ms on every command.
__version__ = "0.1.0"
