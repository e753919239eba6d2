#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The library's layers, checked on the built objects and on the sources (docs/api.md).

Each folder of src/ is a layer; a layer may use only the layers listed before it (and itself):

    core < model < io < analysis < temporal < figures < report < cli

Fails (exit 1, naming the files and the symbol or header) when
  - an object file uses a symbol defined in a higher layer,
  - a source file includes a header of a higher layer (or, outside src/cli/, a CLI header),
  - files depend on each other in a cycle (through symbols), even within one layer,
  - src/cli/ includes anything of src/ but its own headers (the CLI uses the public API only).

usage: layering_check.py SOURCE_DIR OBJECT_DIR...   (OBJECT_DIR: CMake's *.dir with src/<layer>/*.o)
"""
import os
import re
import subprocess
import sys

LAYERS = ["core", "model", "io", "analysis", "temporal", "figures", "report", "cli"]
RANK = {name: i for i, name in enumerate(LAYERS)}


def objects(source_dir, object_dirs):
    """The object files of sources that exist (a build directory may hold stale ones)."""
    found = []
    for top in object_dirs:
        for root, _, files in os.walk(top):
            for name in files:
                if name.endswith(".c.o"):
                    path = os.path.join(root, name)
                    parts = path.replace("\\", "/").split("/")
                    if "src" in parts:
                        rel = "/".join(parts[parts.index("src") + 1:])[: -len(".o")]
                        if os.path.exists(os.path.join(source_dir, "src", rel)):
                            found.append((rel, path))
    return found


def symbols(path):
    out = subprocess.run(["nm", "-P", path], check=True, capture_output=True, text=True).stdout
    defined, undefined = set(), set()
    for line in out.splitlines():
        fields = line.split()
        if len(fields) < 2:
            continue
        name, kind = fields[0], fields[1]
        if kind == "U":
            undefined.add(name)
        elif kind in "TDBRGSVW" and kind.isupper():
            defined.add(name)
    return defined, undefined


def layer_of(rel):
    return rel.split("/", 1)[0]


def find_cycles(edges, nodes):
    """Tarjan's strongly connected components; returns those with more than one file."""
    index, low, on_stack, stack, result = {}, {}, set(), [], []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return result


def check_objects(source_dir, object_dirs, problems):
    files = objects(source_dir, object_dirs)
    if not files:
        problems.append("no object files under %s" % " ".join(object_dirs))
        return
    definer, uses = {}, {}
    for rel, path in files:
        defined, undefined = symbols(path)
        uses[rel] = undefined
        for name in defined:
            definer.setdefault(name, rel)
    edges = {}
    for rel, undefined in uses.items():
        for name in sorted(undefined):
            target = definer.get(name)
            if target is None or target == rel:
                continue
            edges.setdefault(rel, set()).add(target)
            if RANK[layer_of(target)] > RANK[layer_of(rel)]:
                problems.append("%s uses %s of %s: a lower layer depends on a higher one"
                                % (rel, name, target))
    for cycle in find_cycles(edges, uses.keys()):
        problems.append("a cycle of files: %s" % " <-> ".join(cycle))
    return len(files)


INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def check_includes(source_dir, problems):
    src = os.path.join(source_dir, "src")
    count = 0
    for layer in LAYERS:
        folder = os.path.join(src, layer)
        for name in sorted(os.listdir(folder)):
            if not name.endswith((".c", ".h")):
                continue
            count += 1
            rel = "%s/%s" % (layer, name)
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                text = handle.read()
            for header in INCLUDE.findall(text):
                if header.startswith("coopnet/"):
                    continue
                target_layer = header.split("/", 1)[0] if "/" in header else layer
                if target_layer not in RANK:
                    problems.append("%s includes '%s': not a header of a layer" % (rel, header))
                elif layer == "cli" and target_layer != "cli":
                    problems.append("%s includes '%s': the CLI uses the public API only"
                                    % (rel, header))
                elif RANK[target_layer] > RANK[layer]:
                    problems.append("%s includes '%s': a lower layer includes a higher one"
                                    % (rel, header))
    return count


def main():
    if len(sys.argv) < 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    problems = []
    n_sources = check_includes(sys.argv[1], problems)
    n_objects = check_objects(sys.argv[1], sys.argv[2:], problems)
    for problem in problems:
        print("layering: " + problem)
    if problems:
        return 1
    print("layering: ok (%d sources, %d objects; %s)" % (n_sources, n_objects, " < ".join(LAYERS)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
