"""A shortened soak in CI (make bench runs 100k): memory stays flat over many executes."""
from harness import soak


def test_rss_stays_within_five_percent_after_the_first_thousand_executes():
    rss_1k, rss_end = soak.run(12_000)
    assert rss_end <= rss_1k * 1.05
