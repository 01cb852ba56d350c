"""The automated-workbook engine (seed 000 s5): pure Python over DuckDB, Splink and Spark.

No Django here: the referrals adapter calls `run_workbook` and reads `WorkbookResult`.
"""

from .columns import INCIDENT_COLUMNS, ColumnMapping, MappingError, load_mapping
from .pipeline import ENGINES, run_workbook
from .preparation import IDENTITY_MODES
from .results import OUTPUT_COLUMNS, Issue, Progress, Summary, WorkbookInputError, WorkbookResult
from .settings import WorkbookSettings, settings_for_contract, settings_from_mapping

__all__ = [
    "ENGINES",
    "IDENTITY_MODES",
    "INCIDENT_COLUMNS",
    "OUTPUT_COLUMNS",
    "ColumnMapping",
    "Issue",
    "MappingError",
    "Progress",
    "Summary",
    "WorkbookInputError",
    "WorkbookResult",
    "WorkbookSettings",
    "load_mapping",
    "run_workbook",
    "settings_for_contract",
    "settings_from_mapping",
]
