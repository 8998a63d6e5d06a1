"""Images made for tests and benchmarks with Pillow: screenshots of text, pictures, and the
distortions a re-share adds (resizing, recompression, cropping, a caption bar)."""

from __future__ import annotations

import io
import random
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_DIRS = ("/usr/share/fonts/truetype", "/usr/share/fonts/opentype")
FONTS = {
    "sans": "dejavu/DejaVuSans.ttf",
    "serif": "dejavu/DejaVuSerif.ttf",
    "mono": "dejavu/DejaVuSansMono.ttf",
    "noto": "noto/NotoSans-Regular.ttf",
    "myanmar": "noto/NotoSansMyanmar-Regular.ttf",
    "cjk": "noto/NotoSansCJK-Regular.ttc",
}
# Where a font of :data:`FONTS` is not installed, another of its kind ("cjk": Debian's
# fonts-wqy-microhei, 1.6 MB, which CI installs, where Noto CJK is 60 MB).
OTHER_FONTS = {"cjk": "wqy/wqy-microhei.ttc"}


def font(kind: str = "sans", size: int = 28) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """A font by kind (see :data:`FONTS`); Pillow's own when the file is not installed."""
    for name in (FONTS.get(kind, FONTS["sans"]), OTHER_FONTS.get(kind)):
        for root in FONT_DIRS:
            if name is not None and (Path(root) / name).exists():
                return ImageFont.truetype(str(Path(root) / name), size)
    return ImageFont.load_default(size=size)


def has_font(kind: str) -> bool:
    """Whether a font of ``kind`` is installed (else :func:`font` falls back to Pillow's,
    which draws no Chinese or Burmese)."""
    names = (FONTS.get(kind, FONTS["sans"]), OTHER_FONTS.get(kind))
    return any(n is not None and (Path(r) / n).exists() for n in names for r in FONT_DIRS)


def _wrap(text: str, face: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: int) -> list[str]:
    words = text.split() if " " in text else list(text)  # Chinese: wrap by character
    joiner = " " if " " in text else ""
    lines: list[str] = []
    line = ""
    for word in words:
        trial = f"{line}{joiner}{word}" if line else word
        if face.getlength(trial) > width and line:
            lines.append(line)
            line = word
        else:
            line = trial
    if line:
        lines.append(line)
    return lines


def screenshot(
    text: str,
    *,
    kind: str = "sans",
    size: int = 28,
    width: int = 900,
    background: tuple[int, int, int] = (255, 255, 255),
    color: tuple[int, int, int] = (20, 20, 20),
    header: str | None = None,
) -> Image.Image:
    """Text on a plain background, wrapped, like a post in a screenshot."""
    face = font(kind, size)
    lines = _wrap(text, face, width - 80)
    line_height = int(size * 1.6)
    top = 40 + (line_height + 20 if header else 0)
    height = top + line_height * len(lines) + 40
    picture = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(picture)
    if header:
        draw.text((40, 30), header, font=font("sans", int(size * 0.7)), fill=(90, 90, 90))
    for index, line in enumerate(lines):
        draw.text((40, top + index * line_height), line, font=face, fill=color)
    return picture


def phone_frame(picture: Image.Image) -> Image.Image:
    """The picture inside a phone screenshot: a status bar, an app bar and a dark border."""
    width, height = picture.size
    framed = Image.new("RGB", (width + 40, height + 220), (18, 18, 18))
    screen = Image.new("RGB", (width, height + 180), (250, 250, 250))
    draw = ImageDraw.Draw(screen)
    draw.rectangle((0, 0, width, 50), fill=(30, 30, 30))
    draw.text((20, 14), "9:41", font=font("sans", 22), fill=(255, 255, 255))
    draw.text((width - 120, 14), "4G 87%", font=font("sans", 22), fill=(255, 255, 255))
    draw.rectangle((0, 50, width, 130), fill=(59, 89, 152))
    draw.text((24, 72), "Posts", font=font("sans", 30), fill=(255, 255, 255))
    screen.paste(picture, (0, 150))
    framed.paste(screen, (20, 20))
    return framed


def jpeg(picture: Image.Image, quality: int = 40) -> bytes:
    out = io.BytesIO()
    picture.convert("RGB").save(out, "JPEG", quality=quality)
    return out.getvalue()


def png(picture: Image.Image) -> bytes:
    out = io.BytesIO()
    picture.save(out, "PNG")
    return out.getvalue()


def scene(seed: int, size: tuple[int, int] = (640, 480)) -> Image.Image:
    """A picture without text: random shapes in random colours (a stand-in for a photo)."""
    rng = random.Random(seed)
    picture = Image.new("RGB", size, tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(picture)
    for _ in range(rng.randrange(6, 18)):
        x0, y0 = rng.randrange(size[0]), rng.randrange(size[1])
        x1, y1 = x0 + rng.randrange(20, size[0] // 2), y0 + rng.randrange(20, size[1] // 2)
        fill = tuple(rng.randrange(256) for _ in range(3))
        shape = rng.choice((draw.rectangle, draw.ellipse))
        shape((x0, y0, x1, y1), fill=fill)
    return picture


def resized(picture: Image.Image, factor: float) -> Image.Image:
    width, height = picture.size
    return picture.resize((max(1, int(width * factor)), max(1, int(height * factor))))


def cropped(picture: Image.Image, share: float) -> Image.Image:
    """A light crop: ``share`` of each side cut off."""
    width, height = picture.size
    dx, dy = int(width * share), int(height * share)
    return picture.crop((dx, dy, width - dx, height - dy))


def caption_bar(picture: Image.Image, text: str = "SHARE BEFORE THEY DELETE THIS") -> Image.Image:
    """A white bar with a caption above the picture, as meme makers add."""
    width, height = picture.size
    bar = max(40, height // 6)
    out = Image.new("RGB", (width, height + bar), (255, 255, 255))
    out.paste(picture, (0, bar))
    ImageDraw.Draw(out).text((10, bar // 4), text, font=font("sans", bar // 2), fill=(0, 0, 0))
    return out


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that says it is ``width`` × ``height`` but holds almost nothing: a
    decompression bomb's header, without the memory to build one."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def animated_gif(frames: int, size: tuple[int, int] = (64, 64)) -> bytes:
    pictures = [Image.new("P", size, i % 256) for i in range(frames)]
    out = io.BytesIO()
    pictures[0].save(out, "GIF", save_all=True, append_images=pictures[1:], duration=20)
    return out.getvalue()
