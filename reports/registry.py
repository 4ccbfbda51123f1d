"""The evidence registry: named approvals, late-stage products, enforcement actions and lawful
uses, each row with its source, loaded from CSV files a user can replace or extend.

A report is only as defensible as its registry, so loading is strict: an unknown vocabulary
id, a missing source or a malformed date stops the report with a :class:`RegistryError`
naming the file and line, instead of quietly reporting against a partial registry.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from clinicscan.errors import RegistryError
from clinicscan.paths import registry_dir
from clinicscan.vocabulary import Vocabulary, load_vocabulary

TABLES = ("approvals", "late_stage", "enforcement", "lawful_uses")
COLUMNS = {
    "approvals": ("basis", "product_name", "generic_name", "sponsor", "product_type", "product_kind",
                  "condition", "indication", "population", "setting", "agency", "date", "date_note",
                  "match_names", "source", "accessed", "note"),
    "late_stage": ("product_type", "condition", "product_name", "sponsor", "phase", "status",
                   "designation", "study", "note", "source", "accessed"),
    "enforcement": ("business_name", "other_names", "name_is_generic", "domains", "state", "country",
                    "date", "date_note", "action_kind", "agency", "summary", "source", "accessed"),
    "lawful_uses": ("rule_id", "product_type", "condition", "use", "names_tissue", "shows_use",
                    "excludes", "why", "citation", "source", "accessed"),
}
REQUIRED = {
    "approvals": ("basis", "product_name", "condition", "indication", "source", "accessed"),
    "late_stage": ("product_type", "condition", "product_name", "source", "accessed"),
    "enforcement": ("business_name", "date", "action_kind", "source", "accessed"),
    "lawful_uses": ("rule_id", "product_type", "condition", "use", "shows_use", "why", "citation",
                    "source", "accessed"),
}
BASES = ("approval", "established_practice")
SETTINGS = ("transplant_centre",)
PHASES = ("EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4")
ACTION_KINDS = ("warning_letter", "untitled_letter", "injunction", "court_ruling",
                "settlement", "consent_decree", "import_alert", "criminal_case", "other")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A source a reader can follow: a URL, or a legal citation (21 CFR 1271.10; 998 F.3d 1302;
# 403 F.Supp.3d 1279; a court docket "No. 22-56014").
SOURCE_FORM = re.compile(
    r"https?://\S+"
    r"|\b\d+\s+CFR\s+\d+"
    r"|\b\d+\s+F\.\s?(?:Supp\.\s?)?(?:2d|3d|4th)?\s*\d+"
    r"|\bNo\.\s*\d{1,2}-\d+")
_LEGAL_SUFFIXES = {"inc", "llc", "ltd", "corp", "co", "pllc", "pa", "pc", "lp", "llp",
                   "gmbh", "sa", "limited", "incorporated", "corporation", "company"}
_US = {"us", "usa", "u s", "u s a", "united states", "united states of america"}


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in re.split(r"\s*;\s*", value or "") if v.strip())


@dataclass(frozen=True)
class Approval:
    """A named product approved for one indication (or an established practice, such as
    bone marrow transplantation in transplant centres), with its population and setting."""

    basis: str
    product_name: str
    generic_name: str
    sponsor: str
    product_type: str  # vocabulary id, or empty for a product of no vocabulary type
    product_kind: str
    condition: str
    indication: str
    population: str
    setting: str
    agency: str
    date: str
    date_note: str
    match_names: tuple[str, ...]
    source: str
    accessed: str
    note: str
    origin: str  # file:line, for messages and provenance

    def named_in(self, text: str) -> str:
        """The first of this product's names found as a whole word in ``text`` ('' if none)."""
        for name in self.match_names:
            if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w])", text, re.IGNORECASE):
                return name
        return ""

    @property
    def when(self) -> str:
        return human_date(self.date)

    def describe(self) -> str:
        """'Ryoncil (remestemcel-L-rknd; Mesoblast), approved by the FDA on 18 Dec 2024 for
        steroid-refractory acute GVHD in pediatric patients 2 months and older (source)'."""
        return describe_approvals([self])


def human_date(value: str) -> str:
    """2024-12-18 -> 18 Dec 2024; 2011-11 -> Nov 2011; 2018 -> 2018."""
    parts = value.split("-") if value else []
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    if len(parts) == 3:
        return f"{int(parts[2])} {months[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{months[int(parts[1]) - 1]} {parts[0]}"
    return value


def describe_approvals(approvals: Sequence[Approval]) -> str:
    """Approvals in words a regulator can paste, those sharing an indication, population and
    source in one clause: 'Hemacord (New York Blood Center, Nov 2011), Ducord (Duke
    University, Oct 2012), approved by the FDA for ... (source)'."""
    groups: dict[tuple, list[Approval]] = {}
    for a in approvals:
        groups.setdefault((a.basis, a.indication, a.population, a.setting), []).append(a)
    clauses = []
    for (basis, indication, population, setting), items in groups.items():
        source = " ; ".join(dict.fromkeys(part.strip() for a in items for part in a.source.split(" ; ")))
        what = indication[:1].lower() + indication[1:]
        if basis == "established_practice":
            where = " in transplant centres" if setting == "transplant_centre" else ""
            names = ", ".join(a.product_name for a in items)
            clauses.append(f"{names}, established practice{where} for {what} ({source})")
            continue
        names = []
        for a in items:
            facts = [x for x in (a.generic_name, a.sponsor) if x]
            if len(items) > 1:
                facts.append(a.when)
            names.append(f"{a.product_name} ({'; '.join(facts)})" if facts else a.product_name)
        when = ""
        if len(items) == 1 and items[0].date:
            when = f" on {items[0].when}" if len(items[0].date) == 10 else f" in {items[0].when}"
        whom = f" in {population}" if population else ""
        agency = items[0].agency or "regulator"
        clauses.append(f"{', '.join(names)}, approved by the {agency}{when} for {what}{whom} ({source})")
    return "; ".join(clauses)


@dataclass(frozen=True)
class LateStageProduct:
    """A named product of a type in a late-stage trial for a condition (not approved)."""

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
    accessed: str
    origin: str


@dataclass(frozen=True)
class EnforcementAction:
    """A regulator's or court's action against a named business."""

    business_name: str
    other_names: tuple[str, ...]
    name_is_generic: bool
    domains: tuple[str, ...]
    state: str
    country: str
    date: str
    date_note: str
    action_kind: str
    agency: str
    summary: str
    source: str
    accessed: str
    origin: str

    def describe(self) -> str:
        kind = self.action_kind.replace("_", " ")
        return f"{self.agency or 'regulator'} {kind} to {self.business_name}, {self.date}: {self.summary} ({self.source})"


@dataclass(frozen=True)
class EnforcementMatch:
    """An enforcement action that matches a clinic, and on what it matched."""

    action: EnforcementAction
    matched_on: str  # "domain liveyon.com", "name 'US Stem Cell Clinic' and state Florida"

    def describe(self) -> str:
        return f"{self.action.describe()} [matched on {self.matched_on}]"


@dataclass(frozen=True)
class LawfulUse:
    """A use that needs no approval (e.g. a 361 HCT/P used for its homologous function),
    recognised when a claim sentence names the tissue and shows that use."""

    rule_id: str
    product_type: str
    condition: str
    use: str
    names_tissue: str
    shows_use: str
    excludes: str
    why: str
    citation: str
    source: str
    accessed: str
    origin: str

    def shown_by(self, sentence: str) -> bool:
        """The sentence names the tissue, shows this use, and says nothing that excludes it
        (an injection, an infusion, a joint: the uses the FDA acts on)."""
        flags = re.IGNORECASE
        if self.names_tissue and not re.search(self.names_tissue, sentence, flags):
            return False
        if not re.search(self.shows_use, sentence, flags):
            return False
        return not self.excluded_by(sentence)

    def excluded_by(self, sentence: str) -> bool:
        """The sentence shows another use than this one (an injection, an infusion, a joint)."""
        return bool(self.excludes and re.search(self.excludes, sentence, re.IGNORECASE))


@dataclass
class Registry:
    approvals: list[Approval] = field(default_factory=list)
    late_stage: list[LateStageProduct] = field(default_factory=list)
    enforcement: list[EnforcementAction] = field(default_factory=list)
    lawful_uses: list[LawfulUse] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def approvals_for(self, product_type: str, condition: str) -> list[Approval]:
        return [a for a in self.approvals
                if a.product_type == product_type and a.condition == condition]

    def approvals_for_condition(self, condition: str) -> list[Approval]:
        """Every named product or practice for the condition, whatever its type."""
        return [a for a in self.approvals if a.condition == condition]

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

    def lawful_uses_for(self, product_type: str, condition: str) -> list[LawfulUse]:
        return [u for u in self.lawful_uses if u.product_type == product_type and u.condition == condition]

    def enforcement_for(self, business_name: str | None, domain: str | None,
                        region: str | None = None, country: str | None = None) -> list[EnforcementMatch]:
        """Actions that match the clinic on its domain, or on its name plus where it is.

        A name alone never matches: many clinics share a name. The name must come with the
        state the action records (or, when it records none, the country), and a name the row
        marks generic ("Regenerative Medical Group") needs the state or a domain.
        """
        name_key = normalise_business_name(business_name or "")
        host = (domain or "").lower().removeprefix("www.")
        found = []
        for action in self.enforcement:
            hit = next((d for d in action.domains if host and (host == d or host.endswith("." + d))), "")
            if hit:
                found.append(EnforcementMatch(action, f"domain {hit}"))
                continue
            names = (action.business_name, *action.other_names)
            named = next((n for n in names if name_key and normalise_business_name(n) == name_key), "")
            if not named:
                continue
            if action.state and same_state(action.state, region):
                found.append(EnforcementMatch(action, f"name '{named}' and state {action.state}"))
            elif (not action.state and not action.name_is_generic and action.country
                  and same_country(action.country, country)):
                found.append(EnforcementMatch(action, f"name '{named}' and country {action.country}"))
        return found


def normalise_business_name(name: str) -> str:
    """Lower-case words without punctuation or legal suffixes: "U.S. Stem Cell Clinic, LLC"
    and "US Stem Cell Clinic" compare equal."""
    cleaned = re.sub(r"[.'’]", "", name.lower())
    words = re.findall(r"[a-z0-9]+", cleaned)
    while words and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def _place(value: str | None) -> str:
    return " ".join(re.findall(r"[a-z]+", (value or "").lower().replace(".", "")))


def same_country(a: str | None, b: str | None) -> bool:
    x, y = _place(a), _place(b)
    if not x or not y:
        return False
    return x == y or (x in _US and y in _US)


def same_state(a: str | None, b: str | None) -> bool:
    """Full names or two-letter postal codes ("Florida" = "FL")."""
    x, y = _place(a), _place(b)
    if not x or not y:
        return False
    return x == y or _us_states().get(x, x) == _us_states().get(y, y)


@lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    """Postal code and name, both lower-case, to the name (data/registry/us_states.csv)."""
    path = registry_dir() / "us_states.csv"
    try:
        with path.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    except OSError:
        return {}
    out = {}
    for row in rows:
        name = _place(row["name"])
        out[name] = name
        out[row["code"].lower()] = name
    return out


def load_registry(paths: Sequence[str | Path] | None = None) -> Registry:
    """Load registry CSVs from folders and/or files (default: the shipped data/registry/).

    A folder contributes its approvals*.csv, late_stage*.csv, enforcement*.csv and
    lawful_uses*.csv; a file is
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
                    f"{path}: no approvals*.csv, late_stage*.csv, enforcement*.csv or lawful_uses*.csv in this "
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
            "late_stage.csv, enforcement.csv or lawful_uses.csv (see data/registry/README.md)")
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
    if row.get("source") and not SOURCE_FORM.search(row["source"]):
        problems.append("source has no URL or legal citation (e.g. https://..., 21 CFR 1271.10, "
                        "998 F.3d 1302, No. 22-56014); name the document and where to find it")
    if row.get("accessed") and not _DAY.match(row["accessed"]):
        problems.append(f"accessed {row['accessed']!r} must be the day the source was read, YYYY-MM-DD")
    for col in ("date", "accessed"):
        if row.get(col):
            bad = _date_problem(row[col])
            if bad:
                problems.append(bad)
    if row.get("date") and not _DAY.match(row["date"]) and not row.get("date_note", "x"):
        problems.append(f"date {row['date']!r} is not a full day: say in date_note why (e.g. 'month "
                        "only: the source gives month and year')")
    if table == "approvals":
        if row.get("basis") and row["basis"] not in BASES:
            problems.append(f"basis must be one of {', '.join(BASES)}, not {row['basis']!r}")
        if row.get("basis") == "approval" and not row.get("date"):
            problems.append("missing date (an approval row needs the approval date)")
        if row.get("setting") and row["setting"] not in SETTINGS:
            problems.append(f"setting must be empty or one of {', '.join(SETTINGS)}, not {row['setting']!r}")
    if table == "late_stage" and row.get("phase"):
        phases = [p.strip() for p in row["phase"].split("|")]
        unknown = [p for p in phases if p not in PHASES]
        if unknown:
            problems.append(f"phase {row['phase']!r} is not one of {', '.join(PHASES)} (join several with |)")
    if table == "enforcement":
        if row.get("action_kind") and row["action_kind"] not in ACTION_KINDS:
            problems.append(f"action_kind must be one of {', '.join(ACTION_KINDS)}, not {row['action_kind']!r}")
        if row.get("name_is_generic", "") not in ("", "yes", "no"):
            problems.append(f"name_is_generic must be yes, no or empty, not {row['name_is_generic']!r}")
    if table == "lawful_uses":
        for col in ("names_tissue", "shows_use", "excludes"):
            try:
                re.compile(row.get(col, ""))
            except re.error as exc:
                problems.append(f"{col} is not a valid regular expression ({exc})")
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
        names = _split(g("match_names", ""))
        registry.approvals.append(Approval(
            g("basis", ""), g("product_name", ""), g("generic_name", ""), g("sponsor", ""),
            g("product_type", ""), g("product_kind", ""), g("condition", ""), g("indication", ""),
            g("population", ""), g("setting", ""), g("agency", ""), g("date", ""),
            g("date_note", ""), names, g("source", ""), g("accessed", ""), g("note", ""), origin))
    elif table == "late_stage":
        registry.late_stage.append(LateStageProduct(
            g("product_type", ""), g("condition", ""), g("product_name", ""), g("sponsor", ""),
            g("phase", ""), g("status", ""), g("designation", ""), g("study", ""), g("note", ""),
            g("source", ""), g("accessed", ""), origin))
    elif table == "lawful_uses":
        registry.lawful_uses.append(LawfulUse(
            g("rule_id", ""), g("product_type", ""), g("condition", ""), g("use", ""),
            g("names_tissue", ""), g("shows_use", ""), g("excludes", ""), g("why", ""),
            g("citation", ""), g("source", ""), g("accessed", ""), origin))
    else:
        domains = tuple(d.strip().lower().removeprefix("www.")
                        for d in re.split(r"[;|\s]+", g("domains", "")) if d.strip())
        registry.enforcement.append(EnforcementAction(
            g("business_name", ""), _split(g("other_names", "")), g("name_is_generic", "") == "yes",
            domains, g("state", ""), g("country", ""), g("date", ""), g("date_note", ""),
            g("action_kind", ""), g("agency", ""), g("summary", ""), g("source", ""),
            g("accessed", ""), origin))


def save_registry(store, registry: Registry) -> None:
    """Keep the registry a report used in the store (``RegistryEntry``), replacing the last."""
    from dataclasses import asdict

    from sqlalchemy import delete

    from clinicscan.store.models import RegistryEntry

    rows = ([("approval", a) for a in registry.approvals]
            + [("late_stage", p) for p in registry.late_stage]
            + [("enforcement", x) for x in registry.enforcement]
            + [("lawful_use", u) for u in registry.lawful_uses])
    with store.session() as session:
        session.execute(delete(RegistryEntry))
        for kind, item in rows:
            data = asdict(item)
            data = {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}
            session.add(RegistryEntry(kind=kind, key=item.origin[-300:], data=data, source=item.source))
