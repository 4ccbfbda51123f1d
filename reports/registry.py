"""The evidence registry: approvals, late-stage products and enforcement actions, each row
with its source, loaded from CSV files a user can replace or extend.

A report is only as defensible as its registry, so loading is strict: an unknown vocabulary
id, a missing source or a malformed date stops the report with a :class:`RegistryError`
naming the file and line, instead of quietly reporting against a partial registry.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable, Sequence

from clinicscan.errors import RegistryError
from clinicscan.paths import registry_dir
from clinicscan.vocabulary import Vocabulary, load_vocabulary

TABLES = ("approvals", "late_stage", "enforcement")
COLUMNS = {
    "approvals": ("basis", "product_type", "condition", "product_name", "agency", "date",
                  "scope_note", "source"),
    "late_stage": ("product_type", "condition", "product_name", "sponsor", "phase", "status",
                   "designation", "study", "note", "source"),
    "enforcement": ("business_name", "domains", "date", "action_kind", "agency", "summary",
                    "source"),
}
REQUIRED = {
    "approvals": ("basis", "product_type", "condition", "product_name", "source"),
    "late_stage": ("product_type", "condition", "product_name", "phase", "source"),
    "enforcement": ("business_name", "date", "action_kind", "source"),
}
BASES = ("approval", "established_practice")
PHASES = ("EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4")
ACTION_KINDS = ("warning_letter", "untitled_letter", "injunction", "court_ruling",
                "settlement", "consent_decree", "import_alert", "other")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_LEGAL_SUFFIXES = {"inc", "llc", "ltd", "corp", "co", "pllc", "pa", "pc", "lp", "llp",
                   "gmbh", "sa", "limited", "incorporated", "corporation", "company"}


@dataclass(frozen=True)
class Approval:
    """A product type approved (or established practice) for a condition."""

    basis: str
    product_type: str
    condition: str
    product_name: str
    agency: str
    date: str
    scope_note: str
    source: str
    origin: str  # file:line, for messages and provenance


@dataclass(frozen=True)
class LateStageProduct:
    """A named product of a type in a late-stage (phase 3) trial for a condition."""

    product_type: str
    condition: str
    product_name: str
    sponsor: str
    phase: str
    status: str
    designation: str
    study: str
    note: str
    source: str
    origin: str


@dataclass(frozen=True)
class EnforcementAction:
    """A regulator's or court's action against a named business."""

    business_name: str
    domains: tuple[str, ...]
    date: str
    action_kind: str
    agency: str
    summary: str
    source: str
    origin: str

    def describe(self) -> str:
        kind = self.action_kind.replace("_", " ")
        return f"{self.agency or 'regulator'} {kind} to {self.business_name}, {self.date}: {self.summary} ({self.source})"


@dataclass
class Registry:
    approvals: list[Approval] = field(default_factory=list)
    late_stage: list[LateStageProduct] = field(default_factory=list)
    enforcement: list[EnforcementAction] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def approvals_for(self, product_type: str, condition: str) -> list[Approval]:
        return [a for a in self.approvals
                if a.product_type == product_type and a.condition == condition]

    def approved_conditions(self, product_type: str) -> list[str]:
        """Conditions this product type is approved (or established) for, in file order."""
        seen: dict[str, None] = {}
        for a in self.approvals:
            if a.product_type == product_type:
                seen.setdefault(a.condition)
        return list(seen)

    def late_stage_for(self, product_types: Iterable[str], condition: str) -> list[LateStageProduct]:
        wanted = set(product_types)
        return [p for p in self.late_stage if p.product_type in wanted and p.condition == condition]

    def enforcement_for(self, business_name: str | None, domain: str | None) -> list[EnforcementAction]:
        """Actions whose business name (normalised) or domain matches the clinic."""
        name_key = normalise_business_name(business_name or "")
        host = (domain or "").lower().removeprefix("www.")
        found = []
        for action in self.enforcement:
            by_name = bool(name_key) and normalise_business_name(action.business_name) == name_key
            by_domain = bool(host) and any(host == d or host.endswith("." + d) for d in action.domains)
            if by_name or by_domain:
                found.append(action)
        return found


def normalise_business_name(name: str) -> str:
    """Lower-case words without punctuation or legal suffixes: "U.S. Stem Cell Clinic, LLC"
    and "US Stem Cell Clinic" compare equal."""
    cleaned = re.sub(r"[.'’]", "", name.lower())
    words = re.findall(r"[a-z0-9]+", cleaned)
    while words and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def load_registry(paths: Sequence[str | Path] | None = None) -> Registry:
    """Load registry CSVs from folders and/or files (default: the shipped data/registry/).

    A folder contributes its approvals*.csv, late_stage*.csv and enforcement*.csv; a file is
    recognised by its name or, failing that, by its header.
    """
    vocab = load_vocabulary()
    registry = Registry()
    for path in _expand(paths or [registry_dir()]):
        _load_file(path, registry, vocab)
    return registry


def _expand(paths: Sequence[str | Path]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.glob("*.csv") if _table_by_name(p))
            if not found:
                raise RegistryError(
                    f"{path}: no approvals*.csv, late_stage*.csv or enforcement*.csv in this "
                    "folder; see data/registry/README.md for the file layout")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise RegistryError(f"{path}: no such registry file or folder")
    return files


def _table_by_name(path: Path) -> str | None:
    stem = path.stem.lower()
    for table in TABLES:
        if stem.startswith(table):
            return table
    return None


def _table_by_header(header: Sequence[str]) -> str | None:
    cols = set(header)
    for table in TABLES:
        if set(REQUIRED[table]) <= cols:
            return table
    return None


def _load_file(path: Path, registry: Registry, vocab: Vocabulary) -> None:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryError(f"{path}: cannot read ({exc}); registry files are UTF-8 CSV") from exc
    reader = csv.reader(text.splitlines(keepends=True))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise RegistryError(f"{path}:1: empty file; expected a CSV header line") from None
    except csv.Error as exc:
        raise RegistryError(f"{path}:1: {exc}") from exc
    table = _table_by_name(path) or _table_by_header(header)
    if table is None:
        raise RegistryError(
            f"{path}:1: cannot tell which registry table this is; name the file approvals.csv, "
            "late_stage.csv or enforcement.csv (see data/registry/README.md)")
    missing = [c for c in REQUIRED[table] if c not in header]
    if missing:
        raise RegistryError(f"{path}:1: missing column(s) {', '.join(missing)} for {table}; "
                            f"expected {', '.join(COLUMNS[table])}")
    errors: list[str] = []
    line = reader.line_num
    while True:
        start = line + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise RegistryError(f"{path}:{start}: {exc}") from exc
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(header):
            errors.append(f"{path}:{start}: {len(values)} cells but the header has {len(header)}")
            continue
        row = {h: (values[i].strip() if i < len(values) else "") for i, h in enumerate(header)}
        origin = f"{path}:{start}"
        problems = _check_row(table, row, vocab)
        if problems:
            errors.extend(f"{origin}: {p}" for p in problems)
            continue
        _add(table, row, origin, registry)
    if errors:
        shown = "\n  ".join(errors[:20])
        more = f"\n  ... and {len(errors) - 20} more" if len(errors) > 20 else ""
        raise RegistryError(f"registry has {len(errors)} bad row(s); fix or remove them:\n  {shown}{more}")
    registry.files.append(str(path))


def _check_row(table: str, row: dict[str, str], vocab: Vocabulary) -> list[str]:
    problems = [f"missing {col}" for col in REQUIRED[table] if not row.get(col)]
    if "product_type" in row and row["product_type"] and row["product_type"] not in vocab.product_types:
        problems.append(f"unknown product_type id {row['product_type']!r} (not in data/vocabulary.json)")
    if "condition" in row and row["condition"] and row["condition"] not in vocab.conditions:
        problems.append(f"unknown condition id {row['condition']!r} (not in data/vocabulary.json)")
    if row.get("date"):
        bad = _date_problem(row["date"])
        if bad:
            problems.append(bad)
    if table == "approvals":
        if row.get("basis") and row["basis"] not in BASES:
            problems.append(f"basis must be one of {', '.join(BASES)}, not {row['basis']!r}")
        if row.get("basis") == "approval" and not row.get("date"):
            problems.append("missing date (an approval row needs the approval date)")
    if table == "late_stage" and row.get("phase"):
        phases = [p.strip() for p in row["phase"].split("|")]
        unknown = [p for p in phases if p not in PHASES]
        if unknown:
            problems.append(f"phase {row['phase']!r} is not one of {', '.join(PHASES)} (join several with |)")
    if table == "enforcement" and row.get("action_kind") and row["action_kind"] not in ACTION_KINDS:
        problems.append(f"action_kind must be one of {', '.join(ACTION_KINDS)}, not {row['action_kind']!r}")
    return problems


def _date_problem(value: str) -> str | None:
    match = _DATE.match(value)
    if not match:
        return f"bad date {value!r}; write YYYY-MM-DD (or YYYY-MM / YYYY when the day is unknown)"
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        return f"bad date {value!r}: no such calendar day"
    return None


def _add(table: str, row: dict[str, str], origin: str, registry: Registry) -> None:
    g = row.get
    if table == "approvals":
        registry.approvals.append(Approval(
            g("basis", ""), g("product_type", ""), g("condition", ""), g("product_name", ""),
            g("agency", ""), g("date", ""), g("scope_note", ""), g("source", ""), origin))
    elif table == "late_stage":
        registry.late_stage.append(LateStageProduct(
            g("product_type", ""), g("condition", ""), g("product_name", ""), g("sponsor", ""),
            g("phase", ""), g("status", ""), g("designation", ""), g("study", ""), g("note", ""),
            g("source", ""), origin))
    else:
        domains = tuple(d.strip().lower().removeprefix("www.")
                        for d in re.split(r"[;|\s]+", g("domains", "")) if d.strip())
        registry.enforcement.append(EnforcementAction(
            g("business_name", ""), domains, g("date", ""), g("action_kind", ""), g("agency", ""),
            g("summary", ""), g("source", ""), origin))


def save_registry(store, registry: Registry) -> None:
    """Keep the registry a report used in the store (``RegistryEntry``), replacing the last."""
    from dataclasses import asdict

    from sqlalchemy import delete

    from clinicscan.store.models import RegistryEntry

    rows = ([("approval", a) for a in registry.approvals]
            + [("late_stage", p) for p in registry.late_stage]
            + [("enforcement", x) for x in registry.enforcement])
    with store.session() as session:
        session.execute(delete(RegistryEntry))
        for kind, item in rows:
            data = asdict(item)
            data = {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}
            session.add(RegistryEntry(kind=kind, key=item.origin[-300:], data=data, source=item.source))
