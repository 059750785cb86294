#!/usr/bin/python3
"""AHPy 2.1 timed on engine_bench's random matrices (scripts/bench.sh runs it when given AHPy).

    engine_bench --matrices | ahpy_bench.py AHPY_SRC

AHPY_SRC: the folder holding AHPy's `ahpy` package (in AHPy's repository at tag v2.1, `src`);
it needs numpy and scipy (Debian's python3-numpy and python3-scipy). Times ahpy.Compare, what
issue 11 compares with "weights + consistency": the eigenvector weights and the CR of one
complete matrix, with Saaty's random index as engine_bench uses. Prints one JSON line per size:
    {"n": N, "matrices": 200, "us_per_op": X}
the median of 5 rounds over that size's matrices, the comparisons built before the clock starts.
"""
import json
import statistics
import sys
import time


def main():
    sys.path.insert(0, sys.argv[1])
    import ahpy  # noqa: E402 (from the given folder)

    by_size = {}
    for line in sys.stdin:
        row = json.loads(line)
        by_size.setdefault(row["n"], []).append(row["upper"])
    for n, matrices in sorted(by_size.items()):
        if n > 15:  # Saaty's random index (the one used here) ends at 15
            continue
        names = [f"c{i}" for i in range(n)]
        pairs = [(names[i], names[j]) for i in range(n) for j in range(i + 1, n)]
        comparisons = [dict(zip(pairs, upper)) for upper in matrices]
        rounds = []
        for _ in range(5):
            start = time.perf_counter()
            for c in comparisons:
                ahpy.Compare("set", c, random_index="saaty")
            rounds.append((time.perf_counter() - start) / len(comparisons) * 1e6)
        print(json.dumps({"n": n, "matrices": len(matrices), "us_per_op": round(statistics.median(rounds), 1)}))


if __name__ == "__main__":
    main()
