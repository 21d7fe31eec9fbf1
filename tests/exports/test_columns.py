"""The plain-text export counts display columns: a Chinese character takes two, so mixed English
and Chinese text still fits 72 columns in a mail reader's monospace font, long Chinese runs break
between characters, and URLs and Latin words are never split. ASCII wraps as before."""

from __future__ import annotations

import re
import string
import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.paths import BILINGUAL
from wizard.exports.columns import columns, wrap, wrap_columns
from wizard.exports.text import WIDTH
from wizard.sessions.model import Session
from wizard.tree.loader import read
from wizard.tree.schema import Tree
from wizard.tree.walk import Walk

from .factory import make_session, rendered

NIA = "https://www.nia.gov.cn/n741440/n741567/index.html"
NOTE = (
    "客户已于2026年6月从复旦大学硕士毕业，学习类居留许可有效期至2026年12月31日。"
    f"Employer: 上海某科技有限公司 (ACME). 请在12月前提交工作许可申请，详见 {NIA} 。\n\n"
    "Next meeting: bring the passport (护照) and the 体检证明."
)
EMPLOYER = "上海浦东新区张江高科技园区某人工智能科技有限公司ACME Shanghai Ltd."
LONG_RUN = "外国人来华工作管理服务系统" * 6


@pytest.fixture(scope="module")
def bilingual_tree() -> Tree:
    loaded = read(BILINGUAL)
    assert loaded.tree is not None, loaded.diagnostics
    return loaded.tree


@pytest.fixture
def bilingual(bilingual_tree: Tree) -> tuple[Session, Walk]:
    answers = [("degree", "master"), ("employer", EMPLOYER)]
    return make_session(bilingual_tree, answers, notes={"degree": NOTE}, ticks=1)


def squeezed(text: str) -> str:
    """`text` without any whitespace: what must survive wrapping, whatever the line breaks."""
    return "".join(text.split())


def test_columns_count_what_a_monospace_font_shows() -> None:
    assert columns("visa") == 4
    assert columns("居留许可") == 8
    assert columns("工作许可 (work permit)") == 8 + 14
    assert columns("ＡＢＣ") == 6  # full-width Latin letters
    assert columns("Ame\u0301lie") == 6  # a combining accent takes no column
    assert columns("[▲ HIGH]") == 8  # ambiguous-width symbols count one, as in the goldens


def test_a_long_chinese_run_breaks_between_characters() -> None:
    lines = wrap(LONG_RUN, 30, "  ", "  ")
    assert len(lines) > 1
    assert all(columns(line) <= 30 for line in lines), lines
    assert all(columns(line) >= 28 for line in lines[:-1]), lines  # full, not broken early
    assert "".join(line.strip() for line in lines) == LONG_RUN


def test_a_url_and_latin_words_are_never_split() -> None:
    text = f"详见国家移民管理局网站{NIA}的办事指南与常见问题 internationalisation"
    lines = wrap(text, 24)
    assert NIA in lines and "internationalisation" in lines, lines  # each alone, whole
    assert squeezed("".join(lines)) == squeezed(text)


def test_chinese_punctuation_stays_with_the_text_before_it() -> None:
    text = "居留许可，工作许可。（外国人工作许可证）“居留”、签证！"
    for limit in range(6, 24):
        lines = wrap(text, limit)
        assert "".join(lines) == text
        for line in lines[1:]:
            assert line[0] not in "，。）”、！", (limit, lines)
        for line in lines[:-1]:
            assert line[-1] not in "（“", (limit, lines)


def test_latin_punctuation_after_chinese_is_not_pushed_to_a_new_line() -> None:
    assert wrap("请带上护照, 工作许可.", 11) == ["请带上护照,", "工作许可."]
    assert wrap("请带上护照, 工作许可.", 10) == ["请带上护", "照, 工作许", "可."]
    assert wrap("工作许可居留许可.", 16) == ["工作许可居留许", "可."]


@given(
    text=st.text(alphabet=string.ascii_letters + string.digits + " -,.:/()'", max_size=300),
    limit=st.integers(min_value=20, max_value=80),
    first=st.sampled_from(["", "  * ", "Counselor's note: "]),
    indent=st.sampled_from(["", "    ", "       "]),
)
def test_ascii_wraps_exactly_as_textwrap_did(
    text: str, limit: int, first: str, indent: str
) -> None:
    """`wrap` hands ASCII to `textwrap`; the column wrapper must give the same lines."""
    expected = textwrap.wrap(
        text,
        limit,
        initial_indent=first,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    assert wrap(text, limit, first, indent) == expected
    assert [line.rstrip() for line in wrap_columns(text, limit, first, indent)] == [
        line.rstrip() for line in expected
    ]


def test_every_line_of_a_mixed_export_fits_72_columns(bilingual: tuple[Session, Walk]) -> None:
    txt = rendered(*bilingual).txt
    lines = txt.splitlines()
    too_wide = [line for line in lines if columns(line) > WIDTH]
    assert not too_wide, too_wide
    # Something did wrap near the limit: the check above is not passing on short lines alone.
    assert sum(columns(line) >= WIDTH - 2 for line in lines) >= 5
    # The old count (characters) let these lines run past 72 columns.
    assert any(len(line) <= WIDTH < 2 * len(line) and columns(line) > 60 for line in lines)


def test_no_text_is_lost_in_a_mixed_export(
    bilingual_tree: Tree, bilingual: tuple[Session, Walk]
) -> None:
    txt = rendered(*bilingual).txt
    whole = squeezed(txt)
    outcome = bilingual_tree.outcomes["work-permit"]
    risk = bilingual_tree.risks["permit-gap"]
    source = bilingual_tree.sources["nia"]
    texts = [NOTE, EMPLOYER, outcome.summary, risk.detail, risk.mitigation, source.title]
    texts += [*outcome.steps, outcome.checklist[0].text, bilingual_tree.tree.disclaimer]
    for text in texts:
        assert squeezed(str(text)) in whole, text
    lines = txt.splitlines()
    for url in (NIA, "https://fuwu.most.gov.cn"):
        assert any(url in line for line in lines), url  # on one line, whole
    for word in re.findall(r"[A-Za-z][A-Za-z'.]+", NOTE + EMPLOYER):
        assert any(re.search(rf"(?<![A-Za-z]){re.escape(word)}", line) for line in lines), word


def test_a_chinese_note_wraps_under_its_label(bilingual: tuple[Session, Walk]) -> None:
    txt = rendered(*bilingual).txt
    note_lines = txt.split("     Counselor's note: ", 1)[1].split("\n\n", 1)[0].splitlines()
    assert note_lines[0].startswith("客户已于2026年6月从复旦大学硕士毕业")
    assert all(line.startswith("       ") for line in note_lines[1:]), note_lines
    assert all(columns(line) <= WIDTH for line in note_lines)


def test_the_heading_rule_is_as_wide_as_the_title(bilingual: tuple[Session, Walk]) -> None:
    title, rule = rendered(*bilingual).txt.splitlines()[:2]
    assert "外国人工作许可" in title
    assert rule == "=" * columns(title)
