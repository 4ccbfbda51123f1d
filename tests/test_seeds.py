"""Seed lists: good rows load, each bad row is warned about with its line and skipped."""

from __future__ import annotations

import logging

import pytest

from clinicscan.errors import SeedError
from clinicscan.crawler.seeds import Seed, load_seeds


def write(tmp_path, text: str, name: str = "seeds.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return str(path)


def test_csv_with_bom_mixed_case_header_and_extra_columns(tmp_path):
    path = write(tmp_path, "\ufeffName,URL,Country,Region,Source,Notes\n"
                 "Harbor Clinic,https://www.Harbor.example/,US,CA,list A,ignored\n"
                 "Pine Clinic,http://127.0.0.1:8081/start,,,\n", encoding="utf-8")
    seeds = load_seeds([path])
    assert seeds == [
        Seed("Harbor Clinic", "https://www.harbor.example/", "harbor.example", "US", "CA", "list A", 2),
        Seed("Pine Clinic", "http://127.0.0.1:8081/start", "127.0.0.1:8081", None, None, None, 3),
    ]


def test_bad_rows_are_skipped_with_their_line_numbers(tmp_path, caplog):
    path = write(tmp_path, "name,url,country\n"
                 "Good Clinic,https://good.example/,US\n"
                 "No Scheme,ftp://files.example/,US\n"
                 "\n"
                 "Not A Url,just words,US\n"
                 "Short Row\n"
                 ",https://nameless.example/\n"
                 "Good Again,https://www.good.example/other,US\n"
                 "Bad Port,http://bad.example:99999/,US\n"
                 "Second Clinic,https://second.example/,MX\n")
    with caplog.at_level(logging.WARNING, logger="clinicscan.crawler.seeds"):
        seeds = load_seeds([path])
    assert [seed.name for seed in seeds] == ["Good Clinic", "Second Clinic"]
    warnings = "\n".join(record.getMessage() for record in caplog.records)
    assert f"{path}:3: skipped" in warnings and "ftp://files.example/" in warnings
    assert f"{path}:5: skipped" in warnings
    assert f"{path}:6: skipped: the row has no url column" in warnings
    assert f"{path}:7: skipped: the `name` column is empty" in warnings
    assert "line 8" in warnings and "already listed at line 2" in warnings
    assert f"{path}:9: skipped" in warnings
    assert len(caplog.records) == 6


def test_urls_on_the_command_line(tmp_path):
    seeds = load_seeds(["https://Clinic.example/#top", "other.example", "https://clinic.example/x"])
    assert [(seed.name, seed.url, seed.line) for seed in seeds] == [
        ("clinic.example", "https://clinic.example/", None),
        ("other.example", "https://other.example/", None),
    ]


def test_missing_url_column_is_a_seed_error_that_shows_a_good_file(tmp_path):
    path = write(tmp_path, "clinic,website\nHarbor,https://harbor.example/\n")
    with pytest.raises(SeedError) as err:
        load_seeds([path])
    assert "name,url" in str(err.value)


@pytest.mark.parametrize("args", [[], ["no-such-file.csv"], ["javascript:alert(1)"]])
def test_nothing_usable_is_a_seed_error(args):
    with pytest.raises(SeedError):
        load_seeds(args)


def test_one_bad_file_does_not_stop_the_others(tmp_path, caplog):
    good = write(tmp_path, "name,url\nHarbor,https://harbor.example/\n")
    with caplog.at_level(logging.WARNING):
        seeds = load_seeds(["missing.csv", good])
    assert [seed.domain for seed in seeds] == ["harbor.example"]
    assert "missing.csv" in caplog.text


def test_overlong_cells_are_cut_to_their_column_size(tmp_path):
    path = write(tmp_path, f"name,url,country\n{'N' * 400},https://long.example/,{'C' * 150}\n")
    (seed,) = load_seeds([path])
    assert len(seed.name) == 300 and len(seed.country) == 100
