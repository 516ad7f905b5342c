"""What was observed: each concept in its own module, re-exported here so Django finds every model."""

from evaluations.models.appeals import (
    ActionStatus,
    Appeal,
    AppealStatus,
    Attachment,
    CorrectiveAction,
)
from evaluations.models.catalogue import (
    AppealPolicy,
    ChecklistItem,
    Severity,
    ViolationCategory,
    ViolationType,
)
from evaluations.models.history import StatusChange, record_status_change
from evaluations.models.inspections import (
    Inspection,
    InspectionKind,
    InspectionStatus,
    ItemOutcome,
    ItemResult,
)
from evaluations.models.kpi import EntryMethod, IndicatorKind, KpiIndicator, KpiReading
from evaluations.models.records import (
    AdministrativeSanction,
    AnnualRating,
    DisciplineForm,
    DisciplineRecord,
    Initiative,
    InitiativeKind,
    InitiativeLevel,
    InvestigationHold,
    TaskRating,
)
from evaluations.models.violations import Evidence, Violation, ViolationStatus

__all__ = [
    "ActionStatus",
    "Appeal",
    "AppealStatus",
    "Attachment",
    "CorrectiveAction",
    "EntryMethod",
    "IndicatorKind",
    "KpiIndicator",
    "KpiReading",
    "AppealPolicy",
    "ChecklistItem",
    "Evidence",
    "Inspection",
    "InspectionKind",
    "InspectionStatus",
    "ItemOutcome",
    "ItemResult",
    "Severity",
    "StatusChange",
    "Violation",
    "ViolationCategory",
    "ViolationStatus",
    "ViolationType",
    "AdministrativeSanction",
    "AnnualRating",
    "DisciplineForm",
    "DisciplineRecord",
    "Initiative",
    "InitiativeKind",
    "InitiativeLevel",
    "InvestigationHold",
    "TaskRating",
    "record_status_change",
]
