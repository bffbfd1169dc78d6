#!/usr/bin/python3
"""Derive an interaction event log (copnet's events.csv + nodes.csv) from a git repository's
public history: each commit's author "follows up" the previous author of each file it changes.

    /usr/bin/python3 scripts/git_events.py GIT_DIR OUT_DIR [--commit HASH]

GIT_DIR is a git directory (a bare mirror is enough: no work tree is read). Writes
OUT_DIR/events.csv and OUT_DIR/nodes.csv; prints the commit and the counts. Standard library
only. The derivation, exactly:

1. The commits reachable from HASH (default HEAD), merges left out, oldest first in git's
   date order: `git log --no-merges --date-order --reverse --no-renames --name-only
   --format=%H%x00%aI%x00%aN%x00%aE HASH` (a rename is a deletion and an addition).
2. People: an author name and an author e-mail seen on one commit are one person (name and
   e-mail compared case-folded, whitespace collapsed; the union of every such pair). A person's
   id is `dev-` and the first 10 hex digits of the SHA-256 of their smallest e-mail
   (case-folded): pseudonymous, stable, no names in the files.
3. Events: walking the commits in that order, remember each file's last author. For commit C by
   A, each file F it lists whose last author P is not A counts one for (C, P); then A becomes
   F's last author. One row per (C, P): `time` = C's author date as git gives it (ISO 8601
   with its offset), `source` = A, `target` = P, `value` = the number of C's files last
   touched by P. No relation column: copnet's default `interaction` (directed, count).
4. nodes.csv, one row per person who authored a commit: `id`; `organization` = the domain of
   the e-mail on most of their commits (ties: the smallest), kept only when at least two people
   have it and it is not a public mail host (gmail.com, googlemail.com, hotmail.com,
   outlook.com, yahoo.com, proton.me, protonmail.com, o2.pl, users.noreply.github.com), else
   empty; `circle` by their number of commits: `core` >= 100, `inner` >= 10, else `outer`.
Rows are written in the walk's order (events.csv is therefore not sorted by time: author
dates are not monotone in git's order).
"""

import argparse
import collections
import hashlib
import os
import subprocess
import sys

MAIL_HOSTS = {"gmail.com", "googlemail.com", "hotmail.com", "outlook.com", "yahoo.com",
              "proton.me", "protonmail.com", "o2.pl", "users.noreply.github.com"}


def norm(s):
    return " ".join(s.split()).casefold()


def commits(git_dir, commit):
    out = subprocess.run(
        ["git", "--git-dir", git_dir, "log", "--no-merges", "--date-order", "--reverse",
         "--no-renames", "--name-only", "--format=%x01%H%x00%aI%x00%aN%x00%aE", commit],
        check=True, capture_output=True).stdout.decode("utf-8")
    for chunk in out.split("\x01")[1:]:
        head, _, files = chunk.partition("\n")
        sha, date, name, email = head.split("\x00")
        yield sha, date, norm(name), norm(email), [f for f in files.split("\n") if f]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("git_dir")
    ap.add_argument("out_dir")
    ap.add_argument("--commit", default="HEAD")
    args = ap.parse_args()
    head = subprocess.run(["git", "--git-dir", args.git_dir, "rev-parse", args.commit],
                          check=True, capture_output=True, text=True).stdout.strip()
    log = list(commits(args.git_dir, head))

    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _, _, name, email, _ in log:
        a, b = find(("name", name)), find(("email", email))
        if a != b:
            parent[max(a, b)] = min(a, b)
    emails = collections.defaultdict(set)
    for _, _, _, email, _ in log:
        emails[find(("email", email))].add(email)
    pid = {root: "dev-" + hashlib.sha256(min(es).encode("utf-8")).hexdigest()[:10]
           for root, es in emails.items()}
    assert len(set(pid.values())) == len(pid), "two people share a pseudonym"

    def person(email):
        return pid[find(("email", email))]

    last = {}
    rows = []
    n_commits = collections.Counter()
    domains = collections.defaultdict(collections.Counter)
    for _, date, _, email, files in log:
        a = person(email)
        n_commits[a] += 1
        domains[a][email.rpartition("@")[2]] += 1
        follows = collections.Counter()
        for f in files:
            p = last.get(f)
            if p is not None and p != a:
                follows[p] += 1
            last[f] = a
        for p, n in follows.items():  # first-seen order of the previous authors
            rows.append((date, a, p, n))

    main_domain = {a: min(d.items(), key=lambda kv: (-kv[1], kv[0]))[0]
                   for a, d in domains.items()}
    people_at = collections.Counter(main_domain.values())
    os.makedirs(args.out_dir, exist_ok=True)
    with open(os.path.join(args.out_dir, "events.csv"), "w", encoding="utf-8",
              newline="\n") as f:
        f.write("time,source,target,value\n")
        for date, a, p, n in rows:
            f.write(f"{date},{a},{p},{n}\n")
    with open(os.path.join(args.out_dir, "nodes.csv"), "w", encoding="utf-8",
              newline="\n") as f:
        f.write("id,organization,circle\n")
        for a in sorted(n_commits):
            d = main_domain[a]
            org = d if people_at[d] >= 2 and d not in MAIL_HOSTS else ""
            c = n_commits[a]
            circle = "core" if c >= 100 else "inner" if c >= 10 else "outer"
            f.write(f"{a},{org},{circle}\n")
    print(f"{head}: {len(log)} commits (no merges), {len(n_commits)} people, "
          f"{len(rows)} events", file=sys.stderr)


if __name__ == "__main__":
    main()
