#!/usr/bin/env python3
"""Builds assets/fonts/NotoSansSC-Subset.otf, the CJK font the app bundles so
Chinese renders on a machine with no CJK font installed.

Source: Debian's fonts-noto-cjk (NotoSansCJK-Regular.ttc, SIL OFL 1.1), member 2
(Noto Sans CJK SC). Subset with fontTools' pyftsubset (PyPI `fonttools`) to:
- all of GB2312: its 6,763 hanzi and its symbol rows (★ ○ → ※ ...),
- Big5 level 1's 5,401 frequent characters (Traditional text trainees may type),
- every character used in the bundled content (scenarios/, assets/),
- ASCII, Latin-1, general and CJK punctuation, full-width forms, a few symbols.

Run from the repository root:
    apt-get install fonts-noto-cjk && pip install fonttools
    python3 assets/fonts/make-subset.py
"""
import pathlib
import subprocess

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
MEMBER = 2  # Noto Sans CJK SC
ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "assets/fonts/NotoSansSC-Subset.otf"


def encodable(encoding, first, last):
    """Characters whose two-byte codes in `encoding` run from `first` to `last`."""
    chars = set()
    for lead in range(first >> 8, (last >> 8) + 1):
        for trail in range(0x40, 0xFF):
            code = (lead << 8) | trail
            if first <= code <= last:
                try:
                    chars.update(bytes([lead, trail]).decode(encoding))
                except UnicodeDecodeError:
                    pass
    return chars


chars = set()
chars |= encodable("gb2312", 0xA1A1, 0xF7FE)  # all of GB2312: hanzi and its symbol rows (★ ○ → ※ ...)
chars |= {c for c in encodable("big5", 0xA440, 0xC67E) if "\u4e00" <= c <= "\u9fff"}
for folder in ("scenarios", "assets"):
    for path in (ROOT / folder).rglob("*.ron"):
        chars |= set(path.read_text(encoding="utf-8"))
chars |= {chr(c) for c in range(0x20, 0x7F)}
chars |= {chr(c) for c in range(0xA0, 0x100)}
chars |= {chr(c) for c in range(0x2000, 0x206F)}   # general punctuation
chars |= {chr(c) for c in range(0x3000, 0x303F)}   # CJK symbols and punctuation
chars |= {chr(c) for c in range(0xFF00, 0xFFEF)}   # full-width forms
chars |= set("✓✗⚙←→↑↓•…·×÷±≥≤≠¥￥")
chars = sorted(c for c in chars if c.isprintable() or c == " ")
print(f"{len(chars)} characters")
subprocess.run(
    [
        "pyftsubset", SOURCE, f"--font-number={MEMBER}", f"--output-file={OUT}",
        "--text=" + "".join(chars), "--layout-features=*", "--no-hinting", "--desubroutinize",
        "--name-IDs=*", "--name-languages=*",
    ],
    check=True,
)
print(f"wrote {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")
