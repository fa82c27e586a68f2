#!/usr/bin/env python3
"""Checks a figure from `tabnas plot` without a browser: well-formed SVG with a size, a title,
labelled axes (log-scaled cost), and per expected series a line, a 95 % band and a legend entry.

    python3 Tools/plot/check_svg.py figure.svg --series random evolution

Exits 1 naming the first thing missing.
"""
import argparse
import sys
import xml.etree.ElementTree as ElementTree

SVG = "{http://www.w3.org/2000/svg}"


def fail(message):
    print(f"check_svg: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("figure")
    parser.add_argument("--series", nargs="+", required=True, help="the labels the legend must show, in order")
    args = parser.parse_args()
    try:
        root = ElementTree.parse(args.figure).getroot()
    except ElementTree.ParseError as error:
        fail(f"{args.figure} is not well-formed XML: {error}")
    if root.tag != SVG + "svg" or not root.get("width") or not root.get("height") or not root.get("viewBox"):
        fail("the root is not an <svg> with width, height and viewBox")
    texts = ["".join(element.itertext()) for element in root.iter(SVG + "text")]
    if not any("(log scale)" in text for text in texts):
        fail("no x-axis label with '(log scale)'")
    if not any(element.get("transform", "").endswith("rotate(-90)") for element in root.iter(SVG + "text")):
        fail("no rotated y-axis label")
    lines = list(root.iter(SVG + "polyline"))
    bands = list(root.iter(SVG + "polygon"))
    if len(lines) != len(args.series) or len(bands) != len(args.series):
        fail(f"expected {len(args.series)} lines and bands, found {len(lines)} and {len(bands)}")
    for line in lines:
        points = [tuple(map(float, point.split(","))) for point in line.get("points", "").split()]
        if len(points) < 2 or any(b[0] < a[0] for a, b in zip(points, points[1:])):
            fail("a line has fewer than two points or runs backwards in cost")
    legend = [text for text in texts if text.endswith(" runs)")]
    if [entry.split(" (")[0] for entry in legend] != args.series:
        fail(f"legend {legend} does not name {args.series} in order")
    print(f"{args.figure}: {len(lines)} series ({', '.join(args.series)}), axes labelled, well-formed")


if __name__ == "__main__":
    main()
