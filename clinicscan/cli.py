"""The command line: a thin layer that opens the store, calls a stage, prints the outcome.

Every stage lives in its own package (``crawler``, ``nlp``, ``reports``); each command here
resolves configuration, calls one or two library functions and turns known failures
(:class:`clinicscan.errors.ClinicscanError`) into one clean line with the fix.
Stage imports are local to each command so ``--help`` stays fast.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import sys
from pathlib import Path

import click

from clinicscan import __version__
from clinicscan.config import Config, load_config
from clinicscan.crawler import defaults
from clinicscan.errors import ClinicscanError


#: the group's options a user may also write after the command
#: ("clinicscan registry import-ctgov FILE --db URL")
GLOBAL_OPTIONS = ("--db", "--home")


def hoist_global_options(args: list[str]) -> list[str]:
    """Move ``--db URL`` and ``--home DIR`` (or ``--db=URL``) written after the command to
    the front, where the group reads them. Everything after ``--`` stays where it is."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        name = arg.split("=", 1)[0]
        if name in GLOBAL_OPTIONS and ("=" in arg or i + 1 < len(args)):
            width = 1 if "=" in arg else 2
            front.extend(args[i:i + width])
            i += width
            continue
        rest.append(arg)
        i += 1
    return front + rest


class ClinicscanGroup(click.Group):
    """The command group: ``--db`` and ``--home`` are accepted before or after the command."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_global_options(args))


def _fail_on_skipped(skipped: list[str], what: str = "input file") -> None:
    """Exit 1 after a job that skipped input files, one line per file on stderr.

    The job's good inputs are kept (imported, exported); the exit status says that not
    everything given was used, so a script does not carry on as if it had been.
    """
    if not skipped:
        return
    for line in skipped:
        click.secho(f"skipped {what}: {line}", fg="red", err=True)
    sys.exit(1)


def _handle_errors(func):
    """Print known failures as one line (exit 2) instead of a traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except ClinicscanError as exc:
            click.secho(f"error: {exc}", fg="red", err=True)
            sys.exit(2)

    return wrapper


def _configure_logging(level: int) -> None:
    """Show the stages' own progress lines on stderr.

    Scrapy installs its own root handler when a crawl starts, so only the stages' named
    loggers get a handler here (and do not propagate), which keeps every line printed once.
    """
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s",
                                           datefmt="%H:%M:%S"))
    for name in ("clinicscan",):  # every stage logs under clinicscan.*
        stage_logger = logging.getLogger(name)
        stage_logger.handlers[:] = [handler]
        stage_logger.setLevel(level)
        stage_logger.propagate = False


def _config(ctx: click.Context) -> Config:
    return ctx.obj["config"]


def _open(ctx: click.Context):
    from clinicscan.store import open_store

    return open_store(_config(ctx).db_url)


def crawl_options(func):
    """Options shared by ``crawl`` and ``scan``."""
    options = [
        click.option("--max-depth", type=click.IntRange(0, 50), default=defaults.MAX_DEPTH, show_default=True,
                     help="Follow links at most this many hops from the seed page."),
        click.option("--max-pages", type=click.IntRange(1, 100_000), default=defaults.MAX_PAGES_PER_SITE,
                     show_default=True, help="Fetch at most this many pages per site."),
        click.option("--delay", type=click.FloatRange(0, 600), default=defaults.DELAY, show_default=True,
                     help="Seconds between requests to the same site (politeness)."),
        click.option("--max-size", type=click.IntRange(1024), default=defaults.MAX_SIZE,
                     show_default=True, help="Largest response body kept, in bytes "
                     "(also checked after decompression)."),
        click.option("--allow-loopback", is_flag=True,
                     help="Allow fetching 127.0.0.0/8 and ::1 (the demo and tests need it). "
                     "Private, link-local and reserved addresses stay refused."),
        click.option("--new-run", is_flag=True,
                     help="Start a new crawl run even if an unfinished one with the same "
                     "seeds exists (default: resume it)."),
        click.option("--redis-url", default=None, metavar="URL",
                     help="Share the crawl frontier through Redis (scrapy-redis) so several "
                     "crawler processes can work on one run."),
        click.option("--redis-wait", type=click.FloatRange(0, 86_400), default=defaults.REDIS_WAIT,
                     show_default=True, metavar="SECONDS",
                     help="With --redis-url: how long a crawl waits for Redis to answer again "
                     "before it stops (the same command resumes it)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@click.group(cls=ClinicscanGroup,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--db", "db_url", metavar="URL", default=None,
              help="Database URL (default: $CLINICSCAN_DB or sqlite in the work folder). "
              "PostgreSQL: postgresql://user@host:5432/dbname")
@click.option("--home", type=click.Path(file_okay=False), default=None,
              help="Work folder for the default database, WARC archive and crawl state "
              "(default: $CLINICSCAN_HOME or ./clinicscan-data).")
@click.option("-v", "--verbose", is_flag=True, help="Log debugging detail from every stage.")
@click.option("-q", "--quiet", is_flag=True, help="Log only warnings and errors.")
@click.version_option(__version__, prog_name="clinicscan")
@click.pass_context
def cli(ctx: click.Context, db_url: str | None, home: str | None, verbose: bool,
        quiet: bool) -> None:
    """Scan stem-cell clinic websites and set their claims against the evidence.

    The pipeline is crawl -> extract -> report over one database; `scan` runs all three,
    `demo` runs them on a built-in fictional web served on 127.0.0.1. --db and --home may
    come before or after the command.

    \b
    Example:
      clinicscan demo --out demo-output
      clinicscan scan seeds.csv --out scan-output
    """
    ctx.ensure_object(dict)
    _configure_logging(logging.DEBUG if verbose else logging.WARNING if quiet else logging.INFO)
    ctx.obj["config"] = load_config(db_url=db_url, home=home)


@cli.command()
@click.argument("seeds", nargs=-1, required=True)
@crawl_options
@click.option("--download-timeout", type=click.FloatRange(0.1, 600), default=None,
              help="Give up on a response after this many seconds (default 30).")
@click.pass_context
@_handle_errors
def crawl(ctx, seeds, **options):
    """Crawl clinic websites and archive every page (WARC) in the store.

    SEEDS is a CSV file with columns name,url (optional: country, region, source) or one
    or more URLs. The crawl stays on each seed's site, visits likely claim pages first,
    obeys robots.txt and resumes an interrupted run when started again with the same
    arguments.

    \b
    Example:
      clinicscan crawl seeds.csv --max-pages 50 --delay 2
    """
    from clinicscan.crawler.run import run_crawl
    from clinicscan.crawler.seeds import load_seeds

    seed_list = load_seeds(seeds)
    store = _open(ctx)
    run_id = run_crawl(store, _config(ctx), seed_list, **options)
    click.echo(f"crawl run {run_id} finished; next: clinicscan extract, then clinicscan report --out DIR")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="With PATHs: write pages.csv, claims.csv and the other exports here.")
@click.option("--run", "run_id", type=int, default=None,
              help="Only extract pages of this crawl run (default: all not yet extracted).")
@click.option("--force", is_flag=True, help="Re-extract pages already extracted.")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Worker processes (default: the number of cores).")
@click.pass_context
@_handle_errors
def extract(ctx, paths, out_dir, run_id, force, workers):
    """Find conditions, product types and red-flag claims in pages.

    Without PATHs: read pages stored by `crawl` and store the claims. With PATHs (.html or
    .txt files, or folders of them): read the files without crawling and write the exports
    to --out (the url of each page is its file:// URI).

    \b
    Examples:
      clinicscan extract
      clinicscan extract pages/ --out extracted/
    """
    from clinicscan.nlp.extract import extract_local_files, extract_stored_pages, skipped_local_files

    if paths:
        if out_dir is None:
            raise click.UsageError("with PATHs, give --out DIR for the exports")
        from clinicscan.store import open_store
        from clinicscan.reports.build import write_reports
        from clinicscan.reports.collected_claims import CollectedClaims

        given = bool(ctx.parent.params.get("db_url"))
        db_url = ctx.obj["config"].db_url if given else "sqlite://"
        store = open_store(db_url)
        # the report takes the claims from here, not read back; an in-memory store of our own
        # (no --db) ends with this command, so its claims are kept there only
        with CollectedClaims(store_claims=given) as claims:
            run_id = extract_local_files(store, list(paths), workers=workers, claims_to=claims)
            summary = write_reports(store, out_dir, run_id=run_id, claims=claims)
        click.echo(summary.describe())
        _fail_on_skipped(skipped_local_files(store, run_id))
        return
    if out_dir is not None:
        raise click.UsageError("--out goes with PATHs; for crawled pages use `clinicscan report --out DIR`")
    store = _open(ctx)
    stats = extract_stored_pages(store, run_id=run_id, force=force, workers=workers)
    click.echo(stats.describe())


@cli.command()
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for pages.csv, claims.csv, evidence.csv, clinics.csv, flagged_clinics.csv, "
                   "businesses.csv, locations.csv, report.html.")
@click.option("--run", "run_id", type=int, default=None, help="Report on this crawl run (default: the latest).")
@click.option("--registry", "registry_dirs", multiple=True,
              type=click.Path(exists=True, path_type=Path),
              help="Use this registry folder or file instead of the shipped one (repeatable).")
@click.option("--format", "formats", default="csv", show_default=True,
              help="Formats for the big tables, claims and pages: csv, parquet or csv,parquet "
                   "(claims.parquet and pages.parquet, for pandas, R or DuckDB). The other tables are CSV.")
@click.pass_context
@_handle_errors
def report(ctx, out_dir, run_id, registry_dirs, formats):
    """Set claims against the evidence registry and write the exports.

    Claims are streamed from the store to claims.csv a chunk at a time, so a run of a
    million claims is reported in seconds and a few hundred MB.

    \b
    Examples:
      clinicscan report --out report/
      clinicscan report --out report/ --format csv,parquet
    """
    from clinicscan.reports.build import parse_formats, write_reports

    wanted = parse_formats(formats)
    store = _open(ctx)
    summary = write_reports(store, out_dir, run_id=run_id, registry_paths=list(registry_dirs) or None,
                            formats=wanted)
    click.echo(summary.describe())
    store.dispose()  # its connections closed (SQLite's WAL checkpointed) here, not at exit
    ctx.obj[EXIT_AT_ONCE] = True


@cli.command()
@click.argument("seeds", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the exports.")
@crawl_options
@click.option("--workers", type=click.IntRange(1, 64), default=None, help="Extraction worker processes.")
@click.pass_context
@_handle_errors
def scan(ctx, seeds, out_dir, workers, **options):
    """Crawl, extract and report in one command.

    \b
    Example:
      clinicscan scan seeds.csv --out scan-output
    """
    from clinicscan.pipeline import run_scan

    summary = run_scan(_config(ctx), seeds, out_dir, workers=workers, **options)
    click.echo(summary.describe())


@cli.command()
@click.option("--out", "out_dir", default="demo-output", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Folder for the exports.")
@click.option("--keep-serving", is_flag=True, help="Keep the demo web running after the scan.")
@click.pass_context
@_handle_errors
def demo(ctx, out_dir, keep_serving):
    """Scan the built-in fictional web (served on 127.0.0.1) end to end.

    The demo uses its own database in the output folder unless --db is given.

    \b
    Example:
      clinicscan demo --out demo-output
    """
    from clinicscan.demo import run_demo

    db_url = ctx.obj["config"].db_url if ctx.parent.params.get("db_url") else None
    run_demo(out_dir, db_url=db_url, keep_serving=keep_serving, echo=click.echo)


@cli.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("pages", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--split", default=None, metavar="NAME",
              help='Only score gold lines with this "split" (e.g. tune, check or holdout).')
@click.option("--flagged", is_flag=True,
              help="Also the regulator's view: every page as a one-page site through `extract --out`, "
              "scoring flagged_clinics.csv against the pages that should be on it.")
@click.option("--flagged-out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="With --flagged: keep the one-page sites and the exports in this (new) folder.")
@click.option("--summary", is_flag=True,
              help="Headline figures only (no per-page lists): for a split you may only see in summary.")
@click.option("--resamples", type=click.IntRange(10, 100_000), default=1000, show_default=True,
              help="Bootstrap resamples (over pages) for the 95% intervals.")
@click.option("--seed", type=int, default=8, show_default=True, help="Seed of the bootstrap resampling.")
@click.option("--seller-mode", type=click.Choice(["evidence", "burden"]), default=None,
              help="Make this seller decision instead of data/lexicon/seller_decision.json's mode (sets "
              "CLINICSCAN_SELLER_MODE for this run; docs/seller-model.md, 'Burden of proof').")
@click.pass_context
@_handle_errors
def evaluate(ctx, gold, pages, as_json, split, flagged, flagged_out, summary, resamples, seed, seller_mode):
    """Score extraction against hand-coded pages.

    GOLD is a JSONL file, one line a page: {"file", "offers_treatment", "conditions",
    "product_types", "red_flags"}, optionally "split", "kind", "genre", "country",
    "evidence" (id -> the sentence behind the label) and "notes". PAGES are the files or
    folders the "file" values are found in (default: GOLD's folder).

    Prints precision, recall and F1 per field (with 95% bootstrap intervals over pages), the
    seller confusion with the false and missed sellers by file, the figures per kind, genre
    family and genre, per id, why labels were missed or added (page read as not selling, a
    context, not kept as a page id, never found; extras on non-sellers or sellers), and every
    disagreement with the gold evidence sentence beside each miss and our sentence beside each
    extra label. --summary keeps the counts and drops anything naming a page. --flagged adds the regulator's view
    (clinicscan/regulator_view.py defines which pages should be flagged).

    \b
    Examples:
      clinicscan evaluate data/devset/gold.jsonl data/devset/pages --split holdout
      clinicscan evaluate ../shared/realworld/gold.jsonl ../shared/realworld/pages --split tune --flagged
      clinicscan evaluate GOLD PAGES --split check --flagged --summary
      clinicscan evaluate GOLD PAGES --split tune --seller-mode burden
    """
    before = os.environ.get("CLINICSCAN_SELLER_MODE")
    if seller_mode:
        # read when a pipeline is built (shared pipelines are kept per mode); the regulator view's workers inherit it
        os.environ["CLINICSCAN_SELLER_MODE"] = seller_mode
    try:
        _evaluate(gold, pages, as_json, split, flagged, flagged_out, summary, resamples, seed)
    finally:
        if seller_mode:
            if before is None:
                os.environ.pop("CLINICSCAN_SELLER_MODE", None)
            else:
                os.environ["CLINICSCAN_SELLER_MODE"] = before


def _evaluate(gold, pages, as_json, split, flagged, flagged_out, summary, resamples, seed):
    from clinicscan.nlp.evaluate import evaluate as run_evaluation

    if flagged_out is not None and not flagged:
        raise click.UsageError("--flagged-out goes with --flagged")
    if flagged_out is not None and flagged_out.exists():
        raise click.UsageError(f"--flagged-out {flagged_out} exists; give a new folder")
    result = run_evaluation(gold, list(pages) or [gold.parent], split=split, resamples=resamples, seed=seed)
    view = None
    if flagged:
        from clinicscan.regulator_view import regulator_view

        view = regulator_view(gold, list(pages) or [gold.parent], split=split, resamples=resamples, seed=seed,
                              keep=flagged_out)
    if as_json:
        data = result.summary_dict() if summary else result.to_dict()
        if view is not None:
            data["regulator_view"] = view.summary_dict() if summary else view.to_dict()
        click.echo(json.dumps(data, indent=2))
        return
    click.echo(result.summary_text() if summary else result.to_text())
    if view is not None:
        click.echo("")
        click.echo(view.summary_text() if summary else view.to_text())


@cli.command()
@click.argument("run_a", type=int)
@click.argument("run_b", type=int)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Also write diff_clinics.csv and diff_claims.csv here.")
@click.pass_context
@_handle_errors
def diff(ctx, run_a, run_b, out_dir):
    """List clinics and claims added or dropped between two crawl runs.

    \b
    Example:
      clinicscan diff 1 2 --out followup/
    """
    from clinicscan.reports.diff import diff_runs

    store = _open(ctx)
    result = diff_runs(store, run_a, run_b)
    click.echo(result.describe())
    if out_dir is not None:
        result.write(out_dir)


@cli.group()
def registry():
    """Manage the evidence registry (ClinicalTrials.gov imports).

    \b
    Example:
      clinicscan registry import-ctgov ctgov-stemcell-backpain.json
    """


@registry.command("import-ctgov")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_context
@_handle_errors
def import_ctgov(ctx, files):
    """Import ClinicalTrials.gov API v2 JSON (one study or search pages) or CSV downloads.

    \b
    Example:
      clinicscan registry import-ctgov ctgov-stemcell-backpain.json
    """
    from clinicscan.reports.ctgov import import_files

    store = _open(ctx)
    result = import_files(store, files)
    click.echo(result.describe())
    _fail_on_skipped(result.skipped_files)


@registry.command("fetch-ctgov")
@click.option("--cond", default=None, help="Condition query (query.cond).")
@click.option("--intr", default=None, help="Intervention query (query.intr).")
@click.option("--term", default=None, help="Free-text query (query.term).")
@click.option("--base-url", default="https://clinicaltrials.gov/api/v2", show_default=True,
              help="API root (tests point it at a local server).")
@click.option("--page-size", type=click.IntRange(1, 1000), default=100, show_default=True,
              help="Studies per API request (pageSize).")
@click.option("--max-pages", type=click.IntRange(1, 10_000), default=20, show_default=True,
              help="Stop after this many API pages.")
@click.option("--delay", type=click.FloatRange(0, 60), default=1.0, show_default=True,
              help="Seconds between API requests.")
@click.pass_context
@_handle_errors
def fetch_ctgov(ctx, cond, intr, term, base_url, page_size, max_pages, delay):
    """Query the ClinicalTrials.gov API v2 and import what it returns.

    \b
    Example:
      clinicscan registry fetch-ctgov --cond "back pain" --intr "stem cell"
    """
    from clinicscan.reports.ctgov import fetch

    if not (cond or intr or term):
        raise click.UsageError("give at least one of --cond, --intr, --term")
    store = _open(ctx)
    result = fetch(store, cond=cond, intr=intr, term=term, base_url=base_url,
                   page_size=page_size, max_pages=max_pages, delay=delay, echo=click.echo)
    click.echo(result.describe())


EXIT_AT_ONCE = "exit_at_once"  # set in ctx.obj by a command whose output is all written and closed


def main() -> None:
    """The console script. After a report (every file closed, the store disposed) the process
    ends at once: tearing down the interpreter (pandas, pyarrow, SQLAlchemy and their
    caches; the report's own tables are freed before) cost 0.2-0.6 s of a million-claim
    report's wall time for nothing (docs/report-scale.md). Other commands, a failed report
    and ``cli`` called in-process (tests) exit as usual."""
    state: dict = {}
    try:
        cli(obj=state)
    except SystemExit as stop:
        if state.get(EXIT_AT_ONCE) and stop.code in (0, None):
            _exit_now()
        raise


def _exit_now() -> None:
    import os

    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed or broken pipe: nothing more to say
            pass
    logging.shutdown()
    os._exit(0)


if __name__ == "__main__":
    main()
