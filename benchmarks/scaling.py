"""How the cost of mathml and of the reference grows with the input: `mathml bench --scale`
for several concepts in one run, printed as the Markdown table of docs/benchmarks.md and
drawn as a log-log plot (an SVG written by hand: no plotting library).

    python benchmarks/scaling.py [AREA.NAME ...] [--seconds 30] [--svg docs/scaling.svg]

One BLAS and OpenMP thread for both backends (threadpoolctl), as `mathml bench`.

Run from the repository's root. Not a test: nothing here asserts a speed.
"""
from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reference import bench, catalog  # noqa: E402

CONCEPTS = ("linalg.eigh", "linalg.svd", "linalg.eigvals", "cluster.KMeans", "tree.DecisionTreeClassifier",
            "neighbors.KNeighborsClassifier", "neural_network.MLPClassifier")


def table(results: dict[str, bench.Scaling]) -> str:
    rows = ["| concept | n | input at the largest n | mathml k | reference k | "
            "ratio of least times, smallest n | same, largest n |", "|---|---|---|---|---|---|---|"]
    for name, s in results.items():
        k_m, k_r = s.exponents
        ratios = [min(t.mathml) / min(t.reference) for t in s.timings]
        rows.append(f"| {name} | {s.sizes[0]}…{s.sizes[-1]} | {s.shapes[-1]} | {k_m:.2f} | "
                    f"{k_r:.2f} | {ratios[0]:.2f}× | {ratios[-1]:.2f}× |")
    return "\n".join(rows)


def svg(results: dict[str, bench.Scaling]) -> str:
    """One log-log panel per concept: least time against n, mathml solid, reference dashed."""
    w, h, cols = 300, 220, 3
    left, right, top, bottom = 50, 10, 34, 36
    rows = math.ceil(len(results) / cols)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w * cols}" height="{h * rows}" '
           f'font-family="sans-serif" font-size="11">',
           f'<rect width="{w * cols}" height="{h * rows}" fill="white"/>']
    for i, (name, s) in enumerate(results.items()):
        ox, oy = (i % cols) * w, (i // cols) * h
        series = {"mathml": [min(t.mathml) for t in s.timings],
                  "reference": [min(t.reference) for t in s.timings]}
        lx = [math.log10(n) for n in s.sizes]
        ly = [math.log10(t) for ts in series.values() for t in ts]
        x0, x1 = min(lx), max(lx)
        y0, y1 = math.floor(min(ly)), math.ceil(max(ly))
        x1 = x1 if x1 > x0 else x0 + 1
        y1 = y1 if y1 > y0 else y0 + 1

        def px(v: float, a: float = x0, b: float = x1) -> float:
            return ox + left + (v - a) / (b - a) * (w - left - right)

        def py(v: float, a: float = y0, b: float = y1) -> float:
            return oy + h - bottom - (v - a) / (b - a) * (h - top - bottom)

        k_m, k_r = s.exponents
        out.append(f'<text x="{ox + 8}" y="{oy + 14}" font-weight="bold">{name}</text>')
        out.append(f'<text x="{ox + 8}" y="{oy + 27}" font-size="10">k: mathml {k_m:.2f} '
                   f'(solid), reference {k_r:.2f} (dashed)</text>')
        out.append(f'<rect x="{px(x0):.1f}" y="{py(y1):.1f}" width="{px(x1) - px(x0):.1f}" '
                   f'height="{py(y0) - py(y1):.1f}" fill="none" stroke="#999"/>')
        for e in range(y0, y1 + 1):  # a gridline and label at each power of ten seconds
            out.append(f'<line x1="{px(x0):.1f}" x2="{px(x1):.1f}" y1="{py(e):.1f}" '
                       f'y2="{py(e):.1f}" stroke="#eee"/>')
            number, unit = bench.format_time(10.0 ** e).split()
            out.append(f'<text x="{ox + left - 4}" y="{py(e) + 4:.1f}" text-anchor="end" '
                       f'font-size="9">{float(number):g} {unit}</text>')
        for n, v in zip(s.sizes, lx):
            out.append(f'<text x="{px(v):.1f}" y="{oy + h - bottom + 14}" '
                       f'text-anchor="middle" font-size="9">{n}</text>')
        out.append(f'<text x="{ox + left + (w - left - right) / 2}" y="{oy + h - 6}" '
                   f'text-anchor="middle">n</text>')
        for ts, colour, dash in zip(series.values(), ("#1f5fa8", "#c0392b"),
                                    ("", ' stroke-dasharray="5,3"')):
            points = " ".join(f"{px(a):.1f},{py(math.log10(t)):.1f}" for a, t in zip(lx, ts))
            out.append(f'<polyline points="{points}" fill="none" stroke="{colour}" '
                       f'stroke-width="1.5"{dash}/>')
            out += [f'<circle cx="{px(a):.1f}" cy="{py(math.log10(t)):.1f}" r="2.5" '
                    f'fill="{colour}"/>' for a, t in zip(lx, ts)]
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("concepts", nargs="*", default=CONCEPTS, metavar="AREA.NAME")
    parser.add_argument("--seconds", type=float, default=30.0, help="budget per concept")
    parser.add_argument("--svg", default="docs/scaling.svg", help="where to write the plot")
    args = parser.parse_args()
    concepts = [catalog.get(name) for name in args.concepts]
    results = {}
    with bench.limited_threads(concepts, 1):
        for c in concepts:
            print(f"{c.name} ...", file=sys.stderr, flush=True)
            results[c.name] = bench.scale_concept(c, args.seconds)
    print(table(results))
    Path(args.svg).write_text(svg(results), encoding="utf-8")
    print(f"\nplot: {args.svg}", file=sys.stderr)


if __name__ == "__main__":
    main()
