"""The byte budgets live in content_checks/budget.py, so `make check` holds them too; the tests and
the benchmark (run as a script from tests/) use the same functions."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from content_checks.budget import FIRST_VISIT_BUDGET, assets_of, first_visit_bytes, gz, gz_size, over_budget  # noqa: E402,F401
