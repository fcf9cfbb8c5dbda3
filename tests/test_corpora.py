"""mdvet over the real-world corpora in ../shared: no crash, no internal error."""

from collections import Counter

from lint.runner import check_paths
from lint.settings import Settings


def test_no_internal_error_on_the_corpora(shared):
    report = check_paths([str(shared / "corpora")], Settings()).report
    assert report.files_checked > 6000
    codes = Counter(d.code for d in report.diagnostics)
    assert codes["LN900"] == 0, [d for d in report.diagnostics if d.code == "LN900"][:5]
