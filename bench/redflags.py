"""Red flags per id and per source sweep: how well do the red-flag patterns generalise?

The red-flag patterns are rules written while reading pages, so a rule's tune figure says how
well it fits what was read, not how it reads new wording. This script analyses each page once
and reports, per red-flag id:

  * the real-world ``tune`` split (``../shared/realworld``), end to end (the pipeline's own
    seller decision: a page read as not selling outputs no flag) and on gold sellers (flags
    counted whenever the gold label says the page sells: the red-flag reading alone);
  * the same per file-id prefix (the source sweeps of ``../shared/realworld/README.md``:
    ``a b d e f m o q s t w``), so a pattern written while reading some sweeps can be judged
    on the others;
  * the fictional dev set's ``holdout`` split (``data/devset``), never tuned on by rules;
  * with ``--misses``, every missed and extra flag with the gold evidence sentence and ours,
    and the context our extractor gave a mention it saw but did not count;
  * with ``--paraphrases``, our own wording of each flag and of the manual's exclusions
    (``data/devset/red_flag_paraphrases.jsonl``), each sentence set in a seller page: recall and
    false flags per split. ``dev`` sentences were read while writing patterns; ``held`` and
    ``held2`` were written at the same time and scored only as counts, so they estimate wording
    the patterns were not written from.

The ``check`` split is never read: the script refuses it.

    .venv/bin/python bench/redflags.py
    .venv/bin/python bench/redflags.py --misses --prefix b,d
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from clinicscan.nlp.analyse import analyse_page
from clinicscan.nlp.train_seller import default_realworld
from clinicscan.paths import data_dir, lexicon_dir
from clinicscan.vocabulary import counted_contexts

IDS = ("cure_claim", "safety_claim", "success_rate_claim", "avoid_surgery_claim", "fda_claim")
_PREFIX = re.compile(r"[A-Za-z]+")


def _prefix(file: str) -> str:
    found = _PREFIX.match(file)
    return found.group(0).lower() if found else file


def read(gold_path: Path, split: str) -> list[dict]:
    if split == "check":
        raise SystemExit("the check split is looked at only by the lead: not read here")
    rows = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r.get("split") == split]


def analyse(pages_dir: Path, row: dict, lexicon: str | None = None) -> dict:
    path = pages_dir / row["file"]
    analysis = analyse_page(path.read_text(encoding="utf-8", errors="replace"), is_html=path.suffix == ".html",
                            url=path.resolve().as_uri(), lexicon_dir=lexicon)
    counted: dict[str, str] = {}
    seen: dict[str, tuple[str, str]] = {}
    lines: dict[str, set[str]] = defaultdict(set)  # id -> detail ids of its counted mentions
    for claim in analysis.claims:
        if claim.kind != "red_flag":
            continue
        if claim.context in counted_contexts("red_flag") and claim.section != "nav":
            counted.setdefault(claim.vocab_id, claim.sentence)
            lines[claim.vocab_id].add(claim.detail_id)
        else:
            seen.setdefault(claim.vocab_id, ("nav" if claim.section == "nav" else claim.context, claim.sentence))
    return {"file": row["file"], "prefix": _prefix(row["file"]), "gold_seller": row["offers_treatment"],
            "seller": analysis.offers_treatment, "gold": set(row["red_flags"]), "counted": counted, "seen": seen,
            "evidence": row.get("evidence") or {}, "lines": lines}


def numbered_lexicon(source: Path, target: Path) -> None:
    """A copy of the lexicon whose red-flag patterns carry their line as a finer id
    (``cure_claim@12``, rolled up to ``cure_claim``), so each counted flag says which lines found it."""
    shutil.copytree(source, target, dirs_exist_ok=True)
    rollup = json.loads((source / "rollup.json").read_text(encoding="utf-8"))
    rows = []
    for number, line in enumerate((source / "red_flags.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            detail = f"{row['id']}@{number}"
            rollup[detail] = row["id"]
            rows.append(json.dumps({**row, "id": detail}))
    (target / "red_flags.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (target / "rollup.json").write_text(json.dumps(rollup), encoding="utf-8")


def line_sweeps(pages: list[dict], holdout: list[dict]) -> dict[int, set[str]]:
    """Pattern line -> the sources whose true flags it found (on gold sellers): sweeps and "dev"."""
    used: dict[int, set[str]] = defaultdict(set)
    for page in pages + holdout:
        if not page["gold_seller"]:
            continue
        for vocab_id, details in page["lines"].items():
            if vocab_id in page["gold"]:
                for d in details:
                    if "@" in d:  # a short FAQ answer ("Is it safe? Yes.") has no pattern line
                        used[int(d.split("@")[1])].add(page["prefix"] if page in pages else "dev")
    return used


def sweep_out(pages: list[dict], holdout: list[dict], source: Path, realworld: Path, rows: list[dict]) -> str:
    """Leave one sweep out, for rules: for each sweep, drop the pattern lines whose true flags
    (tune and dev holdout, on gold sellers) all come from that sweep, read the sweep again and
    score it. A line found useful only where it was written is what a rule fitted to that sweep
    looks like; what the sweep keeps without such lines is the estimate of unseen wording."""
    used = line_sweeps(pages, holdout)
    raw = (source / "red_flags.jsonl").read_text(encoding="utf-8").splitlines()
    total_before, total_after = [0, 0, 0], [0, 0, 0]
    out = ["leave one sweep out (on gold sellers): the sweep read without the lines only it needed",
           "  sweep  dropped lines            tp fp fn  F1    ->  tp fp fn  F1"]
    for prefix in sorted({p["prefix"] for p in pages}):
        dropped = sorted(n for n, sources in used.items() if sources == {prefix})
        here = [r for r in rows if _prefix(r["file"]) == prefix]
        before = score([p for p in pages if p["prefix"] == prefix], True)["all"]
        folder = Path(tempfile.mkdtemp(prefix=f"redflag-out-{prefix}-"))
        shutil.copytree(source, folder, dirs_exist_ok=True)
        (folder / "red_flags.jsonl").write_text(
            "\n".join(line for n, line in enumerate(raw, 1) if line.strip() and n not in dropped) + "\n",
            encoding="utf-8")
        after = score([analyse(realworld / "pages", r, str(folder)) for r in here], True)["all"]
        shutil.rmtree(folder, ignore_errors=True)
        for total, s in ((total_before, before), (total_after, after)):
            for k in range(3):
                total[k] += s[k]
        out.append(f"  {prefix:5}  {','.join(map(str, dropped)) or '-':22} {before[0]:3d}{before[1]:3d}{before[2]:3d}"
                   f"  {prf(*before)[2]:.3f} -> {after[0]:3d}{after[1]:3d}{after[2]:3d}  {prf(*after)[2]:.3f}")
    out.append(f"  all                           {total_before[0]:3d}{total_before[1]:3d}{total_before[2]:3d}"
               f"  {prf(*total_before)[2]:.3f} -> {total_after[0]:3d}{total_after[1]:3d}{total_after[2]:3d}"
               f"  {prf(*total_after)[2]:.3f}")
    return "\n".join(out)


def by_pattern(pages: list[dict], holdout: list[dict], source: Path) -> str:
    """Per pattern line: the tune pages (by sweep) and dev-set pages whose true flag it alone
    found (on gold sellers), the pages it found alongside other lines, and its false flags.
    A line needed by one sweep only was most likely written while reading that sweep."""
    raw = (source / "red_flags.jsonl").read_text(encoding="utf-8").splitlines()
    alone, shared, false = defaultdict(list), defaultdict(list), defaultdict(list)
    for page in pages + holdout:
        tag = page["prefix"] if page in pages else "dev"
        if not page["gold_seller"]:
            continue
        for vocab_id, details in page["lines"].items():
            numbers = sorted(int(d.split("@")[1]) for d in details if "@" in d)
            for n in numbers:
                if vocab_id not in page["gold"]:
                    false[n].append(f"{tag}:{page['file']}")
                elif len(numbers) == 1:
                    alone[n].append(tag)
                else:
                    shared[n].append(tag)
    out = ["per pattern line: sweeps whose true flag it alone found | found with others | false flags"]
    for n, line in enumerate(raw, 1):
        if not line.strip():
            continue
        row = json.loads(line)
        text = row["pattern"] if isinstance(row["pattern"], str) else json.dumps(row["pattern"])[:110]
        out.append(f"  {n:4d} {row['id'][:12]:12} alone={','.join(sorted(alone[n])) or '-':18} "
                   f"with={','.join(sorted(shared[n])) or '-':18} false={len(false[n])}  {text}")
    return "\n".join(out)


def predicted(page: dict, oracle: bool) -> set[str]:
    """End to end: our flags when we read the page as selling; oracle: when the gold says it sells."""
    return set(page["counted"]) if (page["gold_seller"] if oracle else page["seller"]) else set()


def score(pages: list[dict], oracle: bool) -> dict[str, list[int]]:
    """(tp, fp, fn) per id and for all ids ("all")."""
    out = defaultdict(lambda: [0, 0, 0])
    for page in pages:
        pred, gold = predicted(page, oracle), page["gold"]
        for i in pred | gold:
            cell = 0 if i in pred and i in gold else 1 if i in pred else 2
            out[i][cell] += 1
            out["all"][cell] += 1
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def table(title: str, pages: list[dict], oracle: bool) -> str:
    scores = score(pages, oracle)
    lines = [f"{title} ({len(pages)} pages)", f"  {'id':22} {'tp':>4} {'fp':>4} {'fn':>4}   {'P':>5} {'R':>5} {'F1':>5}"]
    for i in (*IDS, "all"):
        tp, fp, fn = scores[i]
        p, r, f = prf(tp, fp, fn)
        lines.append(f"  {i:22} {tp:4d} {fp:4d} {fn:4d}   {p:5.3f} {r:5.3f} {f:5.3f}")
    return "\n".join(lines)


def by_prefix(pages: list[dict], oracle: bool) -> str:
    """One row per sweep: all-id tp/fp/fn and F1, and each id's tp/fn (recall by sweep)."""
    lines = ["per sweep (on gold sellers)" if oracle else "per sweep (end to end)",
             "  sweep pages  tp  fp  fn    F1   " + "  ".join(f"{i.split('_')[0][:7]:>7}" for i in IDS)
             + "   (each id: tp/gold, +fp)"]
    groups = defaultdict(list)
    for page in pages:
        groups[page["prefix"]].append(page)
    for prefix in sorted(groups):
        s = score(groups[prefix], oracle)
        tp, fp, fn = s["all"]
        cells = []
        for i in IDS:
            itp, ifp, ifn = s[i]
            cells.append(f"{itp}/{itp + ifn}+{ifp}".rjust(7))
        lines.append(f"  {prefix:5} {len(groups[prefix]):5d} {tp:3d} {fp:3d} {fn:3d}  {prf(tp, fp, fn)[2]:5.3f}   "
                     + "  ".join(cells))
    return "\n".join(lines)


def misses(pages: list[dict], oracle: bool, prefixes: set[str] | None, ids: set[str] | None) -> str:
    lines = []
    for page in pages:
        if prefixes and page["prefix"] not in prefixes:
            continue
        pred, gold = predicted(page, oracle), page["gold"]
        for i in sorted(gold - pred):
            if ids and i not in ids:
                continue
            why = page["seen"].get(i)
            ours = f"  [seen as {why[0]}] {why[1][:220]!r}" if why else ""
            if i in page["counted"] and not page["seller"]:
                ours = "  [page read as not selling]"
            lines.append(f"MISS  {page['file']:42} {i:20} gold: {page['evidence'].get(i, '')[:220]!r}{ours}")
        for i in sorted(pred - gold):
            if ids and i not in ids:
                continue
            seller = "" if page["gold_seller"] else " (not a seller)"
            lines.append(f"EXTRA {page['file']:42} {i:20}{seller} ours: {page['counted'][i][:220]!r}")
    return "\n".join(lines)


#: a seller's page around each paraphrase, in the places a claim sits on real pages
PARAPHRASE_OPENING = ("<h1>Larkspur Regenerative Clinic</h1><p>We offer bone marrow, umbilical cord and exosome "
                      "treatments at our clinic in Tijuana and Denver. Schedule your consultation with Dr. Amal Reyes "
                      "today.</p>")
PARAPHRASE_SETTINGS = {
    "paragraph": "<p>{s}</p>",
    "runon": "<p>Dr. Reyes has treated athletes and retirees for twenty years. {s} Call our team to learn whether "
             "you are a good candidate.</p>",
    "bullet": "<h2>Why patients choose us</h2><ul><li>Same-day procedure</li><li>{s}</li>"
              "<li>Experienced, friendly team</li></ul>",
    "faq": "<h2>Frequently asked questions</h2><h3>What should I expect?</h3><p>{s}</p>",
    # fragments of service pages (held16): a section heading, a badge row, a table cell
    "heading": "<h2>{s}</h2><p>Our physicians walk you through each step at your first visit.</p>",
    "badge": "<div class=\"badges\"><div class=\"badge\">{s}</div><div class=\"badge\">Same-day visits</div></div>",
    "cell": "<table><tr><td>Session length</td><td>About two hours</td></tr><tr><td>{s}</td></tr></table>",
    # how service and FAQ pages carry a claim in their markup (held17): a collapsed accordion answer
    # (the ``hidden`` attribute, or an inline display:none set by a FAQ plugin) under its question,
    # an icon list, benefits as spans in one line, dot-separated and <br>-separated lines, a call-out
    # box (<aside>), a hero banner in a <header> without the page's h1, a row of figures in a
    # "social proof" strip, a definition list and a table row under a label; text "Q || A" puts Q in
    # the question or label
    "accordion": "<h2>Frequently asked questions</h2><div class=\"faq-list\"><div class=\"faq-item\">"
                 "<button class=\"faq-question\" aria-expanded=\"false\">{q}</button>"
                 "<div class=\"faq-answer\" hidden><p>{s}</p></div></div></div>",
    "toggle": "<h2>Questions patients ask</h2><div class=\"toggle\"><h4 class=\"toggle-title\">{q}</h4>"
              "<div class=\"toggle-content\" style=\"display: none;\">{s}</div></div>",
    "iconlist": "<div class=\"icon-list\"><div class=\"icon-item\"><i class=\"fa fa-check\"></i>"
                "<span>Same-day procedure</span></div><div class=\"icon-item\"><i class=\"fa fa-check\"></i>"
                "<span>{s}</span></div></div>",
    "spans": "<div class=\"benefits\"><span class=\"benefit\">Same-day procedure</span> "
             "<span class=\"benefit\">{s}</span> <span class=\"benefit\">Experienced, friendly team</span></div>",
    "dots": "<p class=\"strip\">Same-day procedure \u00b7 {s} \u00b7 Experienced, friendly team</p>",
    "brlist": "<p>Same-day procedure<br>{s}<br>Experienced, friendly team</p>",
    "callout": "<p>Every treatment plan starts with an exam and imaging.</p><aside class=\"callout\"><p>{s}</p></aside>"
               "<p>Call our team to learn whether you are a good candidate.</p>",
    "hero": "<header class=\"hero\"><h2>{s}</h2><a class=\"button\" href=\"/book\">Book a consultation</a></header>",
    "stats": "<section class=\"social-proof\"><div class=\"stat\"><strong>2,400+</strong> knee and hip patients"
             "</div><div class=\"stat\">{s}</div></section>",
    "dl": "<dl><dt>Session length</dt><dd>About two hours</dd><dt>{q}</dt><dd>{s}</dd></dl>",
    "row": "<table><tr><th>Session length</th><td>About two hours</td></tr><tr><th>{q}</th><td>{s}</td></tr></table>",
}
#: the question or label a setting with {q} shows when the text gives none
PARAPHRASE_QUESTION = "What should I expect?"
PARAPHRASES = data_dir() / "devset" / "red_flag_paraphrases.jsonl"


def paraphrase_results(path: Path = PARAPHRASES, lexicon: str | None = None) -> list[dict]:
    """Each paraphrase read in its seller page: the row plus ``hit`` (its id was flagged)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            question, _, text = row["text"].rpartition(" || ")
            setting = PARAPHRASE_SETTINGS[row["setting"]].format(s=text, q=question or PARAPHRASE_QUESTION)
            page = analyse_page(PARAPHRASE_OPENING + setting, lexicon_dir=lexicon)
            out.append({**row, "hit": row["id"] in page.red_flags, "seller": page.offers_treatment})
    return out


def paraphrase_table(results: list[dict], show: set[str]) -> str:
    """Recall and false flags per split (and per id); the sentences only for the splits in ``show``."""
    lines = ["our paraphrases (data/devset/red_flag_paraphrases.jsonl), in a seller page",
             f"  {'split':6} {'id':22} {'recall':>9} {'false':>7}"]
    for split in sorted({r["split"] for r in results}):
        rows = [r for r in results if r["split"] == split]
        for i in (*IDS, "all"):
            mine = [r for r in rows if i in ("all", r["id"])]
            pos = [r for r in mine if r["claimed"]]
            neg = [r for r in mine if not r["claimed"]]
            hits, false = sum(r["hit"] for r in pos), sum(r["hit"] for r in neg)
            lines.append(f"  {split:6} {i:22} {hits:4d}/{len(pos):<4d} {false:3d}/{len(neg):<3d}"
                         + (f"  recall {hits / len(pos):.3f}" if i == "all" and pos else ""))
        if split in show:
            lines += [f"    {'MISS ' if r['claimed'] else 'FALSE'} {r['id']:20} {r['setting']:9} {r['text']}"
                      for r in rows if r["hit"] != r["claimed"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--realworld", type=Path, default=default_realworld())
    parser.add_argument("--devset", type=Path, default=data_dir() / "devset")
    parser.add_argument("--misses", action="store_true", help="list every missed and extra flag with its sentences")
    parser.add_argument("--oracle", action="store_true", help="list misses on gold sellers instead of end to end")
    parser.add_argument("--prefix", default="", help="only these sweeps in the miss list (comma separated)")
    parser.add_argument("--ids", default="", help="only these ids in the miss list (comma separated)")
    parser.add_argument("--no-devset", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the per-id figures as JSON here")
    parser.add_argument("--lexicon", type=Path, help="a lexicon folder to read with (default: the shipped one)")
    parser.add_argument("--sweep-out", action="store_true",
                        help="leave one sweep out: score each sweep without the pattern lines only it needed")
    parser.add_argument("--by-pattern", action="store_true",
                        help="say which sweeps needed each red-flag pattern line (reads with a numbered copy)")
    parser.add_argument("--paraphrases", nargs="?", const="", default=None, metavar="SPLITS",
                        help="score our own paraphrases only; list the misses of these splits (default: none)")
    args = parser.parse_args(argv)
    if args.paraphrases is not None:
        lexicon = str(args.lexicon) if args.lexicon else None
        print(paraphrase_table(paraphrase_results(lexicon=lexicon), set(filter(None, args.paraphrases.split(",")))))
        return 0
    if not (args.realworld / "gold.jsonl").exists():
        print(f"no gold.jsonl in {args.realworld}; pass --realworld DIR", file=sys.stderr)
        return 2
    started = time.process_time()
    source = args.lexicon or lexicon_dir()
    lexicon = str(args.lexicon) if args.lexicon else None
    if args.by_pattern or args.sweep_out:
        lexicon = tempfile.mkdtemp(prefix="redflag-lines-")
        numbered_lexicon(source, Path(lexicon))
    tune_rows = read(args.realworld / "gold.jsonl", "tune")
    tune = [analyse(args.realworld / "pages", row, lexicon) for row in tune_rows]
    holdout = [] if args.no_devset else [analyse(args.devset / "pages", row, lexicon)
                                         for row in read(args.devset / "gold.jsonl", "holdout")]
    print(table("real-world tune, end to end", tune, False))
    print(table("real-world tune, on gold sellers", tune, True))
    print(by_prefix(tune, True))
    if holdout:
        print(table("dev set holdout, end to end", holdout, False))
        print(table("dev set holdout, on gold sellers", holdout, True))
    if args.by_pattern:
        print(by_pattern(tune, holdout, source))
    if args.sweep_out:
        print(sweep_out(tune, holdout, Path(lexicon), args.realworld, tune_rows))
    if args.by_pattern or args.sweep_out:
        shutil.rmtree(lexicon, ignore_errors=True)
    if args.misses:
        print(misses(tune, args.oracle, set(filter(None, args.prefix.split(","))) or None,
                     set(filter(None, args.ids.split(","))) or None))
    if args.json:
        figures = {name: {oracle: {i: s for i, s in score(pages, o).items()}
                          for oracle, o in (("end_to_end", False), ("gold_sellers", True))}
                   for name, pages in (("tune", tune), ("holdout", holdout))}
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    print(f"({time.process_time() - started:.1f} s CPU)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
