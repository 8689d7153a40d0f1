#!/usr/bin/env python3
"""Writes dev/ecosystem/data/root_types.root with ROOT itself (not uproot), and the values it
filled into dev/ecosystem/data/root_types.json: the sample dev/ecosystem/tests/test_uproot.py
reads with uproot, whose object, string and nested-vector readers run our ForthMachine64.

Needs PyROOT (the ROOT wheel) and a C++ compiler (for the two dictionaries, below):

    /tmp/rootours/bin/python dev/ecosystem/make_root_samples.py

One TTree "types", N_ENTRIES entries, uncompressed, the baskets flushed every
ENTRIES_PER_BASKET entries (uproot discovers its Forth program on the first basket and runs
the machine on every basket after that). Branches, split level 0 (each entry one streamed blob
that uproot reads as an object):

    str        std::string                         (uproot's own string reader)
    vstr       std::vector<std::string>            Forth
    vvf        std::vector<std::vector<float>>     Forth
    vvi        std::vector<std::vector<int>>       Forth
    vf         std::vector<float>                  (reference: read as a jagged numpy array)
    pairs      std::vector<std::pair<int,float>>   Forth (a struct: ROOT's built-in pair)
    particles  std::vector<Particle>               Forth; Particle is
                                                   {int id; float pt; std::string name; std::vector<float> hits;}
    imap       std::map<int,float>                 Forth
    lv         TLorentzVector                      (uproot reads it in Python, not with Forth)

What ROOT cannot write here, or uproot cannot read back (so the sample leaves it out or works
around it):
- std::map and user classes need a compiled dictionary: TTree::Branch refuses a map without a
  compiled CollectionProxy ("to avoid to write corrupted data"), and a class declared only to
  the interpreter writes bytes that do not match its streamer. The script generates the
  dictionaries with TInterpreter::GenerateDictionary (ACLiC, a C++ compiler: about a minute).
- ROOT streams collections of objects member-wise by default. uproot 5.7 reads a member-wise
  vector of pairs only in Python (no Forth), cannot read a member-wise vector of a class of
  numbers ("wrong number of bytes" for its strided reader) or a member-wise
  map<std::string, std::vector<int>> ("cursor moved by 28 bytes"), and reads maps with Forth
  only when they are member-wise (an object-wise map fails in its Python reader): so every
  branch is filled on its own, with the setting uproot needs (std::map<std::string, ...> is
  left out).
- A lone Particle (not in a vector) at split level 0 is written without the object header
  uproot expects ("memberwise serialization of Model_Particle_v1"): the sample holds
  std::vector<Particle> instead.
Values are chosen exactly representable in float32, so that the JSON compares with ==.
"""

from __future__ import annotations

import json
import os
import random
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
ROOT_PATH = os.path.join(DATA, "root_types.root")
JSON_PATH = os.path.join(DATA, "root_types.json")
N_ENTRIES = 30
ENTRIES_PER_BASKET = 10

PARTICLE_HEADER = """#pragma once
#include <map>
#include <string>
#include <vector>
struct Particle {
  int id;
  float pt;
  std::string name;
  std::vector<float> hits;
};
"""


def make_values(n, seed=2026):
    """The entries, as plain Python values (what the JSON holds)."""
    rng = random.Random(seed)
    words = ["", "a", "mu", "jet", "photon", "électron", "tau" * 5, "x" * 300]

    def quarter(lo, hi):  # a multiple of 1/4: exact in float32
        return rng.randint(lo * 4, hi * 4) / 4

    entries = []
    for i in range(n):
        entries.append(
            {
                "str": words[i % len(words)] + str(i),
                "vstr": [rng.choice(words) for _ in range(rng.randint(0, 4))],
                "vvf": [
                    [quarter(-50, 50) for _ in range(rng.randint(0, 3))]
                    for _ in range(rng.randint(0, 3))
                ],
                "vvi": [
                    [rng.randint(-1000, 1000) for _ in range(rng.randint(0, 4))]
                    for _ in range(rng.randint(0, 3))
                ],
                "vf": [quarter(0, 100) for _ in range(rng.randint(0, 5))],
                "pairs": [
                    [rng.randint(-9, 9), quarter(-5, 5)]
                    for _ in range(rng.randint(1 if i == 0 else 0, 3))
                ],
                "particles": [
                    {
                        "id": i * 7 - 11 + k,
                        "pt": quarter(0, 200),
                        "name": rng.choice(words),
                        "hits": [quarter(0, 10) for _ in range(rng.randint(0, 3))],
                    }
                    for k in range(rng.randint(1 if i == 0 else 0, 2))
                ],
                "imap": {
                    k: quarter(-3, 3) for k in sorted(rng.sample(range(-20, 20), rng.randint(0, 3)))
                },
                "lv": [quarter(-10, 10), quarter(-10, 10), quarter(-10, 10), quarter(20, 30)],
            }
        )
    return entries


def write_root(entries, path):
    import ROOT

    build = tempfile.mkdtemp(prefix="root_samples_")
    header = os.path.join(build, "particle.h")
    with open(header, "w") as stream:
        stream.write(PARTICLE_HEADER)
    cwd = os.getcwd()
    os.chdir(build)  # ACLiC writes the dictionaries into the current folder
    try:
        ROOT.gInterpreter.GenerateDictionary("Particle;vector<Particle>;map<int,float>", header)
    finally:
        os.chdir(cwd)
    for name in ("Particle", "vector<Particle>", "map<int,float>"):
        if not ROOT.TClass.GetClass(name).HasDictionary():
            raise RuntimeError(f"ROOT could not generate the dictionary of {name}")

    file = ROOT.TFile(path, "RECREATE", "", 0)  # compression 0: uncompressed baskets
    tree = ROOT.TTree("types", "ROOT-written types for uproot's Forth readers")
    s = ROOT.std.string()
    vstr = ROOT.std.vector("std::string")()
    vvf = ROOT.std.vector(ROOT.std.vector("float"))()
    vvi = ROOT.std.vector(ROOT.std.vector("int"))()
    vf = ROOT.std.vector("float")()
    pair_type = ROOT.std.pair("int", "float")
    pairs = ROOT.std.vector(pair_type)()
    particles = ROOT.std.vector("Particle")()
    imap = ROOT.std.map("int", "float")()
    lv = ROOT.TLorentzVector()
    for name, obj in [
        ("str", s),
        ("vstr", vstr),
        ("vvf", vvf),
        ("vvi", vvi),
        ("vf", vf),
        ("pairs", pairs),
        ("particles", particles),
        ("imap", imap),
        ("lv", lv),
    ]:
        tree.Branch(name, obj, 32000, 0)
    # ROOT streams collections of objects member-wise by default (all first members, then all
    # second members, ...). uproot reads vectors of objects with Forth only when they are
    # object-wise, and maps only when they are member-wise: the branches are filled one by one,
    # each with the setting uproot needs.
    memberwise = {"imap"}
    branches = [
        tree.GetBranch(name)
        for name in ("str", "vstr", "vvf", "vvi", "vf", "pairs", "particles", "imap", "lv")
    ]

    def fill_vector(vector, values, inner=None):
        vector.clear()
        for value in values:
            if inner is None:
                vector.push_back(value)
            else:
                item = ROOT.std.vector(inner)()
                fill_vector(item, value)
                vector.push_back(item)

    for i, entry in enumerate(entries):
        s.assign(entry["str"])
        fill_vector(vstr, entry["vstr"])
        fill_vector(vvf, entry["vvf"], "float")
        fill_vector(vvi, entry["vvi"], "int")
        fill_vector(vf, entry["vf"])
        pairs.clear()
        for first, second in entry["pairs"]:
            pairs.push_back(pair_type(first, second))
        particles.clear()
        for values in entry["particles"]:
            particle = ROOT.Particle()
            particle.id = values["id"]
            particle.pt = values["pt"]
            particle.name = values["name"]
            fill_vector(particle.hits, values["hits"])
            particles.push_back(particle)
        imap.clear()
        for key, value in entry["imap"].items():
            imap[key] = value
        lv.SetPxPyPzE(*entry["lv"])
        for branch in branches:
            ROOT.TVirtualStreamerInfo.SetStreamMemberWise(branch.GetName() in memberwise)
            branch.Fill()
        if (i + 1) % ENTRIES_PER_BASKET == 0:
            tree.FlushBaskets()
    tree.SetEntries(-1)
    tree.Write()
    file.Close()


def main():
    os.makedirs(DATA, exist_ok=True)
    entries = make_values(N_ENTRIES)
    write_root(entries, ROOT_PATH)
    columns = {name: [entry[name] for entry in entries] for name in entries[0]}
    # JSON keys are strings: the maps are written as [key, value] pairs
    columns["imap"] = [[[k, v] for k, v in m.items()] for m in columns["imap"]]
    with open(JSON_PATH, "w") as stream:
        json.dump(
            {
                "tree": "types",
                "entries": N_ENTRIES,
                "baskets": N_ENTRIES // ENTRIES_PER_BASKET,
                "columns": columns,
            },
            stream,
            indent=1,
            ensure_ascii=False,
        )
        stream.write("\n")
    print(
        f"{ROOT_PATH}: {os.path.getsize(ROOT_PATH)} bytes; {JSON_PATH}: {os.path.getsize(JSON_PATH)} bytes"
    )


if __name__ == "__main__":
    main()
