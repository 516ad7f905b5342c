"""Evidence photos are judged by content; hostile files are refused with a clear message; what is kept is clean."""

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from tests.evaluations import images
from units.uploads import clean_photo


def refusal(data: bytes, name: str = "anh.jpg") -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        clean_photo(images.upload(data, name))
    return caught.value


@pytest.mark.parametrize("build", [images.jpeg_bytes, images.png_bytes, images.webp_bytes])
def test_jpeg_png_and_webp_are_accepted(build):
    photo = clean_photo(images.upload(build(), "anh.bin"))
    assert Image.open(io.BytesIO(photo.data)).format in {"JPEG", "PNG"}
    assert Image.open(io.BytesIO(photo.thumbnail)).format == "JPEG"


def test_a_decompression_bomb_is_a_clear_refusal():
    error = refusal(images.png_declaring(100_000, 100_000), "bomb.png")
    assert "quá lớn" in error.messages[0]


def test_a_png_just_over_the_pixel_limit_is_refused(settings):
    settings.EVIDENCE_MAX_PIXELS = 10_000
    error = refusal(images.png_bytes(size=(200, 100)), "lon.png")
    assert "quá lớn" in error.messages[0]


def test_the_pillow_bomb_warning_zone_is_an_error_too(settings):
    settings.EVIDENCE_MAX_PIXELS = 40_000
    assert "quá lớn" in refusal(images.png_declaring(250, 200)).messages[0]


def test_a_truncated_jpeg_is_refused_as_incomplete():
    assert "không đầy đủ" in refusal(images.truncated_jpeg()).messages[0]


def test_an_svg_is_not_a_photo():
    assert "không phải là ảnh" in refusal(images.svg_bytes(), "anh.svg").messages[0]


def test_an_html_file_renamed_jpg_is_not_a_photo():
    assert "không phải là ảnh" in refusal(images.html_bytes(), "anh.jpg").messages[0]


@pytest.mark.parametrize("build", [images.jpeg_zip_polyglot, images.jpeg_html_polyglot])
def test_a_polyglot_is_refused_although_it_decodes_as_a_jpeg(build):
    Image.open(io.BytesIO(build())).load()  # it really is a valid JPEG as far as a decoder cares
    assert "nội dung khác ngoài ảnh" in refusal(build()).messages[0]


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.EVIDENCE_MAX_BYTES = 500
    assert "lớn hơn 500" in refusal(images.jpeg_bytes(size=(300, 300))).messages[0]


def test_orientation_is_applied_and_every_bit_of_metadata_dropped():
    original = images.jpeg_with_gps_and_orientation()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # the upload does carry GPS
    photo = clean_photo(images.upload(original))
    stored = Image.open(io.BytesIO(photo.data))
    assert stored.size == (20, 60)  # landscape turned upright
    top_pixel = stored.convert("RGB").getpixel((10, 5))
    assert top_pixel[2] > 200 and top_pixel[0] < 80  # the blue half is now on top
    assert not stored.getexif()
    assert b"Exif" not in photo.data and b"PhoneMaker" not in photo.data
    assert b"Exif" not in photo.thumbnail


def test_a_stray_end_of_archive_signature_in_a_real_photo_is_not_called_a_polyglot():
    photo = images.jpeg_bytes(comment=b"PK\x05\x06" + b"\x00" * 18)
    assert clean_photo(images.upload(photo)).width == 64
