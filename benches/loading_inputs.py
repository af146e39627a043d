#!/usr/bin/env python3
"""Writes issue 19's three hostile loading inputs into the folder given (default: .):
chain.yaml (50,000 places, each `within` the next), misspelt.yaml (10,000 events naming a
misspelt person among 10,000) and tags.yaml (50,000 events with a tag each).
BENCHMARKS.md says how they were timed."""
import os
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "."
n = 50000
with open(os.path.join(out, "chain.yaml"), "w") as f:
    f.write("title: chain\nplaces:\n")
    for i in range(n):
        f.write(f"  - id: p{i}\n    name: Place {i}\n")
        if i + 1 < n:
            f.write(f"    within: p{i + 1}\n")
    f.write("events:\n  - {id: e, date: 1917, title: At the bottom, place: p0}\n")
with open(os.path.join(out, "misspelt.yaml"), "w") as f:
    f.write("title: refs\npeople:\n")
    ids = [f"person-{i:05d}" for i in range(10000)]
    for i in ids:
        f.write(f"  - {{id: {i}, name: Name {i}}}\n")
    f.write("events:\n")
    for k, i in enumerate(ids):
        f.write(f"  - {{id: e{k}, date: 1917, title: T, people: [{i.replace('person', 'persno')}]}}\n")
with open(os.path.join(out, "tags.yaml"), "w") as f:
    f.write("title: tags\nevents:\n")
    for k in range(n):
        f.write(f"  - {{id: e{k}, date: 1917, title: T, tags: [tag{k}]}}\n")
