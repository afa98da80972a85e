#!/usr/bin/env python3
"""Derive the OrderGrid demo sales history (history.csv.gz) from the UCI Online Retail data.

Usage (from the repository root):
    python3 silo/Seed/derive-history.py \
        [--input /work/shared/data/online-retail/online_retail_2010-12_2011-08.csv.gz] \
        [--catalog silo/Seed/catalog.csv] [--output silo/Seed/history.csv.gz]

Rules:
  * Every row of the input whose StockCode, upper-cased, is a sku of the catalog is kept,
    cancellations included; all other rows (other products, postage, fees...) are dropped.
  * Kept rows are written as they were: same header, same columns, same order, same text.
  * The gzip header carries no file name and no time, so the output is byte-for-byte the
    same on every run.

Only the Python standard library is used.
"""

import argparse
import csv
import gzip
import io
import os

DEFAULT_INPUT = "/work/shared/data/online-retail/online_retail_2010-12_2011-08.csv.gz"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CATALOG = os.path.join(HERE, "catalog.csv")
DEFAULT_OUTPUT = os.path.join(HERE, "history.csv.gz")


def catalog_skus(path):
    with open(path, encoding="utf-8", newline="") as f:
        return {row["sku"].strip().upper() for row in csv.DictReader(f)}


def derive(input_path, skus, out):
    """Copies the header and the catalog's rows of input_path to the text stream out; answers (read, kept)."""
    read = kept = 0
    opener = gzip.open if input_path.endswith(".gz") else open
    with opener(input_path, "rt", encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        header = next(rows)
        code = header.index("StockCode")
        writer.writerow(header)
        for row in rows:
            read += 1
            if row[code].strip().upper() in skus:
                writer.writerow(row)
                kept += 1
    return read, kept


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", default=DEFAULT_INPUT)
    ap.add_argument("--catalog", default=DEFAULT_CATALOG)
    ap.add_argument("--output", default=DEFAULT_OUTPUT)
    args = ap.parse_args()

    skus = catalog_skus(args.catalog)
    with open(args.output, "wb") as raw, \
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as packed, \
            io.TextIOWrapper(packed, encoding="utf-8", newline="") as out:
        read, kept = derive(args.input, skus, out)
    print(f"wrote {kept} of {read} rows ({len(skus)} catalog skus) to {args.output}")


if __name__ == "__main__":
    main()
