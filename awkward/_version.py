# The single place the version is written at run time; pyproject.toml carries the same string
# (tests/test_packaging.py checks they agree).
__version__ = "2.14.0+virtual"
AWKWARD_CPP_VERSION = "2.14.0+virtual"
