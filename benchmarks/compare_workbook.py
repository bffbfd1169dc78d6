#!/usr/bin/python3
"""Reading a large .xlsx workbook: copnet.read_workbook beside openpyxl (read-only mode, every
row's values) and pandas.read_excel of the same file, one run each, in one process.
The network is copnet.generate's synthetic landscape (invented data), written by
copnet.write_workbook (sheets stakeholders and ties).
Usage: PYTHONPATH=build/bindings/python /usr/bin/python3 benchmarks/compare_workbook.py [STAKEHOLDERS TIES]
(default 100000 1000000). Prints one line per reader: seconds and the ratio to copnet."""
import os
import sys
import tempfile
import time

import copnet

stakeholders = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
ties = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000

folder = tempfile.mkdtemp()
path = os.path.join(folder, "landscape.xlsx")
net = copnet.generate(stakeholders, ties, seed=1)
started = time.perf_counter()
copnet.write_workbook(net, path)
print(f"network: {len(net)} stakeholders, {net.tie_count()} ties; "
      f"write_workbook {time.perf_counter() - started:.1f} s, {os.path.getsize(path) / 1e6:.1f} MB")

results = []


def measure(name, read):
    started = time.perf_counter()
    rows = read()
    seconds = time.perf_counter() - started
    results.append((name, seconds, rows))


def read_copnet():
    n = copnet.read_workbook(path)
    return len(n) + n.tie_count()


measure("copnet.read_workbook", read_copnet)

try:
    import openpyxl

    def read_openpyxl():
        book = openpyxl.load_workbook(path, read_only=True)
        count = 0
        for sheet in ("stakeholders", "ties"):
            for _ in book[sheet].iter_rows(min_row=2, values_only=True):
                count += 1
        return count

    measure(f"openpyxl {openpyxl.__version__} (read_only, iter_rows)", read_openpyxl)
except ImportError:
    print("openpyxl: not installed")

try:
    import pandas

    def read_pandas():
        frames = pandas.read_excel(path, sheet_name=["stakeholders", "ties"])
        return sum(len(f) for f in frames.values())

    measure(f"pandas {pandas.__version__} read_excel (openpyxl engine)", read_pandas)
except ImportError:
    print("pandas: not installed")

base = results[0][1]
for name, seconds, rows in results:
    print(f"{name:55s} {seconds:8.2f} s  {seconds / base:6.1f}x  ({rows} rows)")
os.remove(path)
os.rmdir(folder)
