"""Draw the program icon (a 2×2 portfolio matrix with a rising bubble) as PNGs and a .ico.

Run once after changing the design: `python packaging/make_icons.py`. The results are
committed in resources/icons, so a build needs no drawing step.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
# Group colours, the same as in the portfolio chart.
STAR, ERTRAG, FRAGE, MITNAHME = "#2e7d32", "#1565c0", "#ef6c00", "#757575"


def draw(size: int) -> Image.Image:
    scale = 4  # draw large, then shrink: smooth edges at every size
    s = size * scale
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    pad, gap = s * 0.06, s * 0.04
    half = (s - 2 * pad - gap) / 2
    radius = s * 0.08
    cells = [(0, 0, FRAGE), (1, 0, STAR), (0, 1, MITNAHME), (1, 1, ERTRAG)]
    for col, row, colour in cells:
        x0 = pad + col * (half + gap)
        y0 = pad + row * (half + gap)
        d.rounded_rectangle((x0, y0, x0 + half, y0 + half), radius=radius, fill=colour)
    # a white bubble in the Starkunden quadrant
    cx, cy, r = pad + half + gap + half * 0.55, pad + half * 0.45, half * 0.28
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill="white")
    return img.resize((size, size), Image.LANCZOS)


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        draw(size).save(ICONS / f"kundenportfolio_{size}.png")
    draw(256).save(ICONS / "kundenportfolio.ico", sizes=[(s, s) for s in SIZES])


if __name__ == "__main__":
    main()
