"""The byte budgets live in content_checks/budget.py, so `make check` holds them too; the tests and
the benchmark use the same functions."""
from content_checks.budget import FIRST_VISIT_BUDGET, assets_of, first_visit_bytes, gz, gz_size, over_budget  # noqa: F401
