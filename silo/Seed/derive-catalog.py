#!/usr/bin/env python3
"""Derive the OrderGrid demo product catalog (catalog.csv) from the UCI Online Retail data.

Usage (from the repository root):
    python3 silo/Seed/derive-catalog.py \
        [--input /work/shared/data/online-retail/online_retail_2010-12_2011-08.csv.gz] \
        [--output silo/Seed/catalog.csv] [--count 500]

Rules:
  * Only product StockCodes are kept: 5 digits optionally followed by letters
    (case-insensitive; codes are upper-cased, so "85123a" and "85123A" are one product).
    This drops POST, M, D, DOT, C2, BANK CHARGES, AMAZONFEE, PADS, CRUK, B, S, gift vouchers...
  * A "sale" row is a row whose InvoiceNo does not start with "C" (cancellation),
    with Quantity > 0 and UnitPrice > 0 (drops stock adjustments and free lines).
  * Popularity = number of distinct invoices with a sale row for the code.
  * name = the most frequent non-empty Description among the code's sale rows
    (ties: alphabetical), tidied and converted to title case.
  * unitPrice = median UnitPrice of the code's sale rows with 1 <= Quantity <= 24,
    rounded half-up to 2 decimals. Codes with no such row are skipped.
  * The top --count codes by popularity (ties: by sku) are written, sorted by sku.

Only the Python standard library is used; the output is deterministic.
"""

import argparse
import collections
import csv
import gzip
import os
import re
import statistics
import sys
from decimal import Decimal, ROUND_HALF_UP

DEFAULT_INPUT = "/work/shared/data/online-retail/online_retail_2010-12_2011-08.csv.gz"
DEFAULT_OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "catalog.csv")

PRODUCT_CODE = re.compile(r"^\d{5}[A-Za-z]*$")
RETAIL_MIN_QTY, RETAIL_MAX_QTY = 1, 24

# Words kept lower-case inside a name (never as the first or last word).
MINOR_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
# Words kept upper-case.
ACRONYMS = {"LED", "WC", "UK", "USA", "USB", "DVD", "CD", "DIY", "XL", "XXL", "RSVP"}
# Glued words such as "SET3" or "OF4" -> "SET 3", "OF 4".
GLUED_NUMBER = re.compile(r"\b(SET|OF|PACK|BOX)(\d+)\b", re.IGNORECASE)


def _cap_segment(seg):
    """Capitalise one alphanumeric run: first letter upper, rest lower.

    Runs that start with a digit (3D, 15C) keep their case.
    """
    if not seg or seg[0].isdigit():
        return seg
    return seg[0].upper() + seg[1:].lower()


def _title_word(word, is_edge):
    if word.upper() in ACRONYMS:
        return word.upper()
    if not is_edge and word.lower() in MINOR_WORDS:
        return word.lower()
    # Split on apostrophes first: the part after an apostrophe stays lower-case
    # (I'M -> I'm, POPPY'S -> Poppy's, 50'S -> 50's).
    head, sep, tail = word.partition("'")
    # Capitalise every alphanumeric run separated by -, /, +, (, etc. (T-LIGHT -> T-Light).
    head = re.sub(r"[A-Za-z0-9]+", lambda m: _cap_segment(m.group(0)), head)
    return head + sep + tail.lower()


def tidy_name(description):
    s = " ".join(description.split())
    s = GLUED_NUMBER.sub(r"\1 \2", s)
    s = re.sub(r"\s+([,.])", r"\1", s)          # "KEY FOB , SHED" -> "KEY FOB, SHED"
    s = re.sub(r",(?=\S)", ", ", s)             # "TEA,COFFEE" -> "TEA, COFFEE"
    s = s.strip(" ,.")                          # trailing "CARD," / "SKULL."
    words = s.split(" ")
    last = len(words) - 1
    return " ".join(_title_word(w, i == 0 or i == last) for i, w in enumerate(words)).strip()


def median_price(prices):
    return Decimal(statistics.median(sorted(prices))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def derive(input_path, count):
    invoices = collections.defaultdict(set)
    descriptions = collections.defaultdict(collections.Counter)
    retail_prices = collections.defaultdict(list)

    opener = gzip.open if input_path.endswith(".gz") else open
    with opener(input_path, "rt", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            code = row["StockCode"].strip()
            if not PRODUCT_CODE.match(code):
                continue
            invoice = row["InvoiceNo"].strip()
            if invoice.upper().startswith("C"):
                continue
            try:
                qty = int(row["Quantity"])
                price = Decimal(row["UnitPrice"].strip())
            except (ValueError, ArithmeticError):
                continue
            if qty <= 0 or price <= 0:
                continue
            sku = code.upper()
            invoices[sku].add(invoice)
            desc = " ".join((row["Description"] or "").split())
            if desc:
                descriptions[sku][desc] += 1
            if RETAIL_MIN_QTY <= qty <= RETAIL_MAX_QTY:
                retail_prices[sku].append(price)

    eligible = [sku for sku in invoices if descriptions[sku] and retail_prices[sku]]
    eligible.sort(key=lambda sku: (-len(invoices[sku]), sku))
    chosen = eligible[:count]

    rows = []
    for sku in sorted(chosen):
        best_desc = min(descriptions[sku].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        name = tidy_name(best_desc)
        if not name:
            raise SystemExit(f"empty name for {sku}")
        rows.append((sku, name, f"{median_price(retail_prices[sku]):.2f}"))
    return rows, len(eligible)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", default=DEFAULT_INPUT)
    ap.add_argument("--output", default=DEFAULT_OUTPUT)
    ap.add_argument("--count", type=int, default=500)
    args = ap.parse_args()

    rows, eligible = derive(args.input, args.count)
    if len(rows) < args.count:
        print(f"warning: only {len(rows)} eligible products", file=sys.stderr)
    with open(args.output, "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(["sku", "name", "unitPrice"])
        w.writerows(rows)
    print(f"wrote {len(rows)} products (of {eligible} eligible) to {args.output}")


if __name__ == "__main__":
    main()
