"""Checks for the HTML reports, used by tests/cli/html_report.sh.

  html_check.py page FILE.html [TEXT...]
      The page is self-contained and safe: only the elements and attributes
      cchc writes (no script, no event handler, no link or image to fetch, no
      url() or @import in the CSS); every TEXT occurs in the page's text as
      written (so markup in a unit name or a remedy came out as text).
  html_check.py pixels FILE.png RRGGBB MIN
      The screenshot has at least MIN pixels of the colour RRGGBB (a chart's
      bars were painted). Prints the count.
  html_check.py pdf FILE.pdf
      The PDF's pages are A4 (595 × 842 points, give or take one). Prints
      the number of pages.

Only the standard library: Debian's python3, nothing from pip.
"""

import re
import struct
import sys
import zlib
from html.parser import HTMLParser

ELEMENTS = {
    "html", "head", "meta", "title", "style", "body", "section", "h1", "h2", "p", "b", "div", "span",
    "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "footer",
    "svg", "g", "rect", "text",
}
ATTRIBUTES = {
    "lang", "charset", "http-equiv", "content", "name", "class", "style", "xmlns", "role", "viewbox",
    "width", "height", "x", "y", "fill",
}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.text = []
        self.style = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        if tag not in ELEMENTS:
            self.problems.append(f"element <{tag}>")
        for name, value in attrs:
            if name not in ATTRIBUTES:
                self.problems.append(f"attribute {name}= on <{tag}>")
            if value and re.search(r"(?i)javascript:|url\(", value):
                self.problems.append(f"{name}={value!r} on <{tag}>")
            # The only address in an attribute is the SVG namespace, a name.
            for address in re.findall(r"(?i)\b(?:https?|ftp|file|data):[^\s\"'<>]*", value or ""):
                if address != "http://www.w3.org/2000/svg":
                    self.problems.append(f"an address: {address}")
        self.in_style = tag == "style"

    def handle_endtag(self, tag):
        self.in_style = False

    def handle_data(self, data):
        (self.style if self.in_style else self.text).append(data)

    def handle_comment(self, data):
        self.problems.append("a comment")


def check_page(path, texts):
    page = Page()
    with open(path, encoding="utf-8") as f:
        source = f.read()
    page.feed(source)
    page.close()
    css = "".join(page.style)
    if re.search(r"(?i)url\(|@import|@font-face|https?:", css):
        page.problems.append("the CSS fetches something")
    text = "".join(page.text)
    for wanted in texts:
        if wanted not in text:
            page.problems.append(f"text not found as text: {wanted!r}")
    for problem in page.problems:
        print(f"{path}: {problem}", file=sys.stderr)
    return not page.problems


def png_pixels(path):
    """Yields (r, g, b) of every pixel of an 8-bit RGB or RGBA PNG."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    assert depth == 8 and colour in (2, 6) and interlace == 0, "an unexpected PNG kind"
    size = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * size
    previous = bytearray(stride)
    for row in range(height):
        start = row * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up = previous[i]
            corner = previous[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + predictor) & 0xFF
        for i in range(0, stride, size):
            yield line[i], line[i + 1], line[i + 2]
        previous = line


def check_pixels(path, colour, minimum):
    wanted = tuple(int(colour[i:i + 2], 16) for i in (0, 2, 4))
    count = sum(1 for pixel in png_pixels(path) if pixel == wanted)
    print(count)
    return count >= minimum


def check_pdf(path):
    with open(path, "rb") as f:
        data = f.read()
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    print(len(boxes))
    return bool(boxes) and all(abs(float(w) - 595) <= 1.5 and abs(float(h) - 842) <= 1.5 for w, h in boxes)


def main():
    what, path, *rest = sys.argv[1:]
    if what == "page":
        ok = check_page(path, rest)
    elif what == "pixels":
        ok = check_pixels(path, rest[0], int(rest[1]))
    elif what == "pdf":
        ok = check_pdf(path)
    else:
        raise SystemExit(f"unknown check {what}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
