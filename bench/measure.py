#!/usr/bin/env python3
"""Run a dyad command and report wall time, throughput and peak memory.
usage: measure.py DYAD SUBCOMMAND [ARGS] [--bytes N --docs N] [--repeat K]
"""
import resource, subprocess, sys, time

args = sys.argv[1:]
def opt(name, default=None):
    if name in args:
        i = args.index(name)
        v = args[i + 1]
        del args[i:i + 2]
        return v
    return default
nbytes = int(opt("--bytes", 0))
ndocs = int(opt("--docs", 0))
repeat = int(opt("--repeat", 1))
best = None
for _ in range(repeat):
    t = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    dt = time.perf_counter() - t
    best = dt if best is None else min(best, dt)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
line = f"{' '.join(args[1:2])}: {best:.3f} s, peak {peak:.1f} MB"
if nbytes:
    line += f", {nbytes / 1048576 / best:.2f} MB/s, {ndocs / best:.0f} documents/s"
print(line)
