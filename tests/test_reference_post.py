"""A post built like the reference post: everything it must report, and nothing more."""

from lint.engine import check_text
from lint.settings import Settings

LONG_TAGS = [
    "Reciprocal Tariff Rates to Reflect Trading Partner Retaliation and Alignment",
    "Supreme Court of the United States (SCOTUS)",
]
TAGS = ["中国政府网", "財務省", "Tokyo", *LONG_TAGS, *(f"tag {i}" for i in range(40))]
TREASURY = "https://home.treasury.gov/resource-center/data-chart-center/interest-rates/TextView"

POST = f"""---
layout: post
tags: [{", ".join(TAGS)}]
categories: [Trade]
date: 2025-05-02 3:58 PM
excerpt: '“We need to put all cards on the table [in negotiations](x y).” \u2013 a negotiator'
#image: 'BASEURL/assets/blog/img/.png'
#description:
title: "Chips on the table"
---


## [Japan holds Treasuries](https://www.msn.com/en-us/ar-AA1E0Tfm?ocid=emmx-feeds&cvid=dc58&PC=EMMX01)

[Tokyo](https://www.japan.travel/tokyo/) holds [U.S. Treasury]({TREASURY}) bonds; the
[Finance Minister](https://www.mof.go.jp/) and the [U.S. Treasury](https://home.treasury.gov/) met.

[Japan](https://www.japan.go.jp/)'s [U.S. Treasury]({TREASURY}) holdings are the largest.

> "Whether we use that card is a different question," [Kato](https://japan.kantei.go.jp/kato.html) said.

The trade war with [China](https://www gov.cn/) goes on.

Holdings of [U.S. Treasury]({TREASURY}) rose; [Japan](https://www.japan.go.jp/) and
[China](https://www gov.cn/) added to theirs.

- [中国政府网](https://www.gov.cn/)
- [The Government of Japan](https://www.japan.go.jp/)
- [財務省](https://www.mof.go.jp/index.htm)
- [Tokyo Travel](https://www.japan.travel/tokyo/)
- [U.S. Department of the Treasury](https://home.treasury.gov/)
- [Howard Lutnick](https://www.commerce.gov/about/leadership/howard-lutnick)
- [Howard W. Lutnick](https://www.linkedin.com/in/howardwlutnick/)
{{% include TrumpTariffs.html %}}
"""


def test_the_reference_post_structures():
    found = [(d.code, d.line, d.column) for d in check_text(POST, "post.md", Settings())]
    assert found == [
        ("FM201", 3, 7),  # 45 tags
        ("FM202", 3, 27),  # each tag over 40 characters, at its own column
        ("FM202", 3, 105),
        ("FM103", 5, 7),  # the date, from the default schema
        ("LK004", 13, 67),  # ocid and cvid, not PC
        ("LK001", 16, 52),  # [U.S. Treasury] to another page
        ("LK003", 22, 20),  # a space in the URL
        ("LK003", 25, 1),
        ("LK002", 29, 3),  # .../index.htm and the folder
    ]


def test_the_tracking_fix_keeps_the_other_parameter():
    [lk004] = [d for d in check_text(POST, "post.md", Settings()) if d.code == "LK004"]
    assert lk004.message.startswith("tracking parameters 'ocid', 'cvid' in ")
    [edit] = lk004.fix.edits
    assert edit.text == "?PC=EMMX01"
