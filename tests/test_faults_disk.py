"""The WARC folder's disk fills up mid-crawl: the crawl stops in one line naming the folder
and the room needed, no page is stored without its whole record, no body reaches the log,
and once there is room the same command resumes the run.

The crawl test mounts a small tmpfs on the archive folder (it needs root; it is skipped
otherwise); the pipeline tests inject the failure with a file object that runs out of
room part-way through a write, so they run anywhere.
"""

from __future__ import annotations

import os
import subprocess

import pytest
from archive_fakes import BODY_MARK, FillingFile, RecordingStats, page
from localsite import LocalSite, Resource, clinicscan
from scrapy.exceptions import DropItem
from sqlalchemy import func, select
from warccheck import assert_pages_point_at_whole_records, assert_segments_whole

from clinicscan.crawler.pipelines.archive import OPEN_SUFFIX, WarcArchivePipeline
from clinicscan.store import CrawlRun, FrontierUrl, open_store


def test_a_failed_write_is_cut_back_and_the_page_dropped(tmp_path, caplog):
    stats = RecordingStats()
    pipeline = WarcArchivePipeline(tmp_path, run_id=3, stats=stats)
    pipeline.open_spider()
    stored = [pipeline.process_item(page(n)) for n in range(3)]
    segment = pipeline.segment
    whole = segment.size
    segment.handle = FillingFile(segment.handle, room=1500)  # half of the next record pair
    with pytest.raises(DropItem) as dropped:
        pipeline.process_item(page(3))
    assert "could not be written (No space left on device)" in str(dropped.value)
    assert os.path.getsize(segment.path) == whole  # the torn half is gone already
    with pytest.raises(DropItem):  # nothing more is stored: the crawl is stopping
        pipeline.process_item(page(4))
    pipeline.close_spider()

    assert stats.values["archive/errors"] == 1
    assert stats.values["archive/error_folder"] == str(tmp_path / "run-3")
    assert stats.values["archive/error"].startswith("No space left on device")
    assert stats.values["archive/error_record_bytes"] > 2000
    assert stats.values["archive/bytes_per_page"] > 2000
    assert assert_segments_whole(tmp_path) == len(stored) == 3
    assert BODY_MARK not in caplog.text


def test_a_segment_closed_with_a_torn_record_is_repaired_on_resume(tmp_path):
    """Older versions closed a segment whose last write had failed: cut it back too."""
    first = WarcArchivePipeline(tmp_path, run_id=1)
    first.open_spider()
    for n in range(3):
        first.process_item(page(n))
    torn = first._response_member(page(9), "<urn:uuid:torn>")
    first.segment.handle.write(torn[: len(torn) // 3])
    first.close_spider()
    [closed] = (tmp_path / "run-1").glob("*.warc.gz")
    assert not str(closed).endswith(OPEN_SUFFIX)

    second = WarcArchivePipeline(tmp_path, run_id=1, stats=(stats := RecordingStats()))
    second.open_spider()
    second.close_spider()
    assert stats.values["archive/repaired_segments"] == 1
    assert assert_segments_whole(tmp_path) == 3


# -- a real full disk under a real crawl ------------------------------------------------------

@pytest.fixture
def small_disk(tmp_path):
    """``tmp_path/home/warc`` on a 320 KB tmpfs; yields a function that enlarges it."""
    folder = tmp_path / "home" / "warc"
    folder.mkdir(parents=True)
    mount = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=320k", "tmpfs", str(folder)],
                           capture_output=True, text=True)
    if mount.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mount.stderr.strip()}); the pipeline tests "
                    "above inject the same failure")

    def grow(size: str) -> None:
        subprocess.run(["mount", "-o", f"remount,size={size}", str(folder)], check=True)

    yield grow
    subprocess.run(["umount", "-l", str(folder)], check=False)


def test_full_disk_stops_the_crawl_and_the_rerun_completes_it(small_disk, tmp_path):
    home = tmp_path / "home"
    db_url = f"sqlite:///{tmp_path / 'crawl.db'}"  # the database is not on the small disk
    filler = [f"<p>{BODY_MARK} {os.urandom(20_000).hex()}</p>" for _ in range(30)]
    pages = {"/": Resource(("<html><body>" + "".join(
        f'<a href="/p/{n}">Treatment {n}</a>' for n in range(30)) + "</body></html>").encode()),
        **{f"/p/{n}": Resource(f"<html><body><h1>Page {n}</h1>{filler[n]}</body></html>".encode())
           for n in range(30)}}
    args = ("crawl", "--allow-loopback", "--delay", "0", "--max-depth", "1", "--max-pages", "100")
    with LocalSite(pages) as site:
        first = clinicscan(db_url, home, args[0], site.url, *args[1:])
        assert first.returncode == 2, first.stderr[-3000:]
        output = first.stdout + first.stderr
        assert "Traceback" not in output and BODY_MARK not in output
        assert len(output) < 40_000  # a few dozen lines, not pages of dumps
        [line] = [line for line in first.stderr.splitlines() if line.startswith("error:")]
        assert line.startswith(f"error: crawl run 1 stopped: cannot write the WARC archive in "
                               f"{home.resolve() / 'warc' / 'run-1'} (No space left on device")
        assert "free at least" in line and "MB there" in line
        assert "run the same command again" in line

        store = open_store(db_url)
        with store.session() as session:
            assert session.get(CrawlRun, 1).status == "running"
            pending = session.scalar(select(func.count()).select_from(FrontierUrl)
                                     .where(FrontierUrl.state == "pending"))
            assert pending > 0
            assert session.scalars(select(FrontierUrl).where(FrontierUrl.state != "done")
                                   .where(FrontierUrl.state != "pending")).all() == []
        store.dispose()
        stored_before = assert_pages_point_at_whole_records(db_url, 1)
        assert 0 < len(stored_before) < len(pages)
        assert assert_segments_whole(home / "warc") == len(stored_before)

        small_disk("8m")
        rerun = clinicscan(db_url, home, args[0], site.url, *args[1:])
        assert rerun.returncode == 0, rerun.stderr[-3000:]
        assert "crawl run 1 finished" in rerun.stdout

    stored = assert_pages_point_at_whole_records(db_url, 1)
    assert len(stored) == len(pages)
    assert assert_segments_whole(home / "warc") == len(pages)
