#!/usr/bin/env python3
"""Turn a full BenchmarkDotNet run of OneTimeLink.Benchmarks into the published artefacts.

Reads the joined CSV report (and, for the machine, the GitHub markdown report beside it) and writes:
  docs/benchmarks/roundtrip.svg   a bar chart of the RoundTrip category (mean per operation, ratio, allocation)
  docs/benchmarks/results.md      the whole run as one compact table per category, plus the machine

Python 3 standard library only. Usage:
  python3 benchmarks/plot.py [BenchmarkDotNet.Artifacts/results/<run>-report.csv] [--out docs/benchmarks]
Without a path it takes the newest *-report.csv under BenchmarkDotNet.Artifacts/results.
"""

import csv
import glob
import html
import os
import re
import sys

ROWS = ["OneTimeLink", "OneTimeLinkSteadyState", "JsonWebTokenHandler", "Identity", "Floor"]
LABELS = {
    "OneTimeLink": "OneTimeLink",
    "OneTimeLinkSteadyState": "OneTimeLink, steady state",
    "JsonWebTokenHandler": "JsonWebTokenHandler (tuned, baseline)",
    "Identity": "Identity DataProtectorTokenProvider",
    "Floor": "Hand-written floor",
}
CATEGORIES = ["Issue", "Validate", "Redeem", "RoundTrip", "RejectForged"]
TIME_UNITS = {"ns": 1.0, "us": 1e3, "μs": 1e3, "µs": 1e3, "ms": 1e6, "s": 1e9}
SIZE_UNITS = {"B": 1, "KB": 1024, "MB": 1024 * 1024}


def number(text):
    return float(text.replace(",", "").strip())


def nanoseconds(cell):
    value, unit = cell.strip().split()
    return number(value) * TIME_UNITS[unit]


def bytes_(cell):
    cell = cell.strip()
    if cell in ("-", ""):
        return 0
    value, unit = cell.split()
    return number(value) * SIZE_UNITS[unit]


def human_time(ns):
    return f"{ns / 1000:.2f} µs" if ns >= 1000 else f"{ns:.0f} ns"


def human_size(b):
    return "0 B" if b == 0 else (f"{b / 1024:.2f} KB" if b >= 1024 else f"{b:.0f} B")


def read(csv_path):
    with open(csv_path, newline="", encoding="utf-8-sig") as f:
        sample = f.read(4096)
        f.seek(0)
        dialect = csv.Sniffer().sniff(sample, delimiters=",;")
        rows = list(csv.DictReader(f, dialect=dialect))
    for row in rows:
        row["mean_ns"] = nanoseconds(row["Mean"])
        row["alloc_b"] = bytes_(row.get("Allocated", "-"))
        row["category"] = row.get("Categories", "").split(",")[0].strip()
    return rows


def machine(csv_path):
    md = csv_path.replace("-report.csv", "-report-github.md")
    if not os.path.exists(md):
        return []
    with open(md, encoding="utf-8") as f:
        text = f.read()
    block = re.search(r"```\n(.*?)```", text, re.S)
    return [line.strip() for line in block.group(1).splitlines() if line.strip()][:3] if block else []


def svg(rows, environment):
    trips = sorted((r for r in rows if r["category"] == "RoundTrip"), key=lambda r: ROWS.index(r["Method"]))
    if not trips:
        sys.exit("no RoundTrip rows in the report: run the full benchmarks first")
    width, left, bar_h, gap, top = 760, 290, 26, 14, 64
    scale = (width - left - 190) / max(r["mean_ns"] for r in trips)
    height = top + len(trips) * (bar_h + gap) + 40 + 14 * len(environment)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="13">',
        f'<rect width="{width}" height="{height}" fill="#fff"/>',
        '<text x="16" y="26" font-size="16" font-weight="600">Round trip: issue a link, then redeem it</text>',
        '<text x="16" y="46" fill="#555">Mean time per operation, lower is better; ratio to tuned JsonWebTokenHandler; managed allocation</text>',
    ]
    for i, r in enumerate(trips):
        y = top + i * (bar_h + gap)
        w = max(1.0, r["mean_ns"] * scale)
        colour = "#2f6fdf" if r["Method"].startswith("OneTimeLink") else ("#9aa5b1" if r["Method"] != "Floor" else "#c9d1d9")
        ratio = r.get("Ratio", "").strip()
        label = f'{human_time(r["mean_ns"])}  ·  {ratio}×  ·  {human_size(r["alloc_b"])}'
        out += [
            f'<text x="{left - 10}" y="{y + bar_h * 0.68:.1f}" text-anchor="end">{html.escape(LABELS[r["Method"]])}</text>',
            f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h}" rx="3" fill="{colour}"/>',
            f'<text x="{left + w + 8:.1f}" y="{y + bar_h * 0.68:.1f}" fill="#222">{html.escape(label)}</text>',
        ]
    y = top + len(trips) * (bar_h + gap) + 18
    for line in environment:
        out.append(f'<text x="16" y="{y}" font-size="11" fill="#777">{html.escape(line)}</text>')
        y += 14
    out.append("</svg>")
    return "\n".join(out) + "\n"


def table(rows, environment):
    lines = ["# OneTimeLink benchmarks: full run", ""]
    if environment:
        lines += ["```", *environment, "```", ""]
    lines += [
        "Mean per operation; ratio and allocation relative to tuned `JsonWebTokenHandler` in the same category (and the same",
        "forged input, for RejectForged). Token length: characters in the link (Identity's URL-escaped); for RejectForged, of the input.",
        "",
    ]
    for category in CATEGORIES:
        group = [r for r in rows if r["category"] == category]
        if not group:
            continue
        lines += [f"## {category}", ""]
        kind = category == "RejectForged"
        lines.append(("| Input " if kind else "") + "| Row | Mean | Ratio | Allocated | Token length |")
        lines.append(("|---" if kind else "") + "|---|---:|---:|---:|---:|")
        for r in sorted(group, key=lambda r: (r.get("Kind", ""), ROWS.index(r["Method"]))):
            lines.append(
                (f'| {r["Kind"]} ' if kind else "")
                + f'| {LABELS[r["Method"]]} | {human_time(r["mean_ns"])} | {r.get("Ratio", "").strip()} '
                + f'| {human_size(r["alloc_b"])} | {r.get("Token length", "").strip()} |'
            )
        lines.append("")
    return "\n".join(lines)


def main(argv):
    out_dir = "docs/benchmarks"
    if "--out" in argv:
        out_dir = argv[argv.index("--out") + 1]
        del argv[argv.index("--out"):argv.index("--out") + 2]
    if argv:
        csv_path = argv[0]
    else:
        found = sorted(glob.glob("BenchmarkDotNet.Artifacts/results/*-report.csv"), key=os.path.getmtime)
        if not found:
            sys.exit("no BenchmarkDotNet.Artifacts/results/*-report.csv: run the benchmarks first")
        csv_path = found[-1]
    rows = [r for r in read(csv_path) if r["Method"] in ROWS]
    environment = machine(csv_path)
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "roundtrip.svg"), "w", encoding="utf-8") as f:
        f.write(svg(rows, environment))
    with open(os.path.join(out_dir, "results.md"), "w", encoding="utf-8") as f:
        f.write(table(rows, environment))
    print(f"wrote {out_dir}/roundtrip.svg and {out_dir}/results.md from {csv_path}")


if __name__ == "__main__":
    main(sys.argv[1:])
