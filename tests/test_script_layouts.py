"""Scripts as people really lay them out: labels, legends, quotes, unspoken text.

Each test uses a small script of its own in one layout and checks which lines are
the agent's, the customer's or nobody's, and what the linter reports.
"""

from __future__ import annotations

import pytest

from jargonlint.document import Kind, plain_lines
from jargonlint.linter import Glossary, Linter, ScriptOptions
from jargonlint.reader import ReadOptions, read_segments
from jargonlint.script import AGENT, CUSTOMER, DEFAULT_LABELS, read_script


def structure(text: str) -> list[tuple[int, str, str | None, str]]:
    """(line, kind, role, text) for each line of a plain-text script."""
    script = read_script(plain_lines(text), DEFAULT_LABELS)
    return [(s.line, s.kind.value, s.role, s.text) for s in script.segments]


def agent_lines(text: str, name: str = "s.txt") -> list[int]:
    segments = read_segments(name, text.encode(), ReadOptions())
    script = read_script(segments, DEFAULT_LABELS)
    return sorted({s.line for s in script.segments if s.kind is Kind.SPOKEN and s.role == AGENT})


def lint(glossary: Glossary, text: str, name: str = "s.txt", **options) -> list:
    segments = read_segments(name, text.encode(), ReadOptions())
    return Linter(glossary, options=ScriptOptions(**options)).lint_segments(name, segments)


@pytest.mark.parametrize(
    "label",
    [
        "オペ：",
        "オペ:",
        "オペレーター：",
        "コミュニケーター：",
        "SV：",
        "担当：",
        "営業：",
        "自分：",
        "私：",
        "あなた：",
        "ＯＰ：",
        "【オペ】",
        "◆担当 ",
        "オペ）",
        "オペレーター①：",
        "担当(2)：",
        "担当（２）：",
        "**オペ**：",
        "**オペ：**",
        "＜オペ＞",
        "[オペ] ",
        "《オペレーター》",
        "オペレーター（山田）：",
        "オペ\t",
        "オペ　",
    ],
)
def test_agent_label_syntax(label: str) -> None:
    found = structure(f"{label}サーバーの件です。\nお客：はい。")
    assert found[0][1:] == ("spoken", AGENT, "サーバーの件です。")
    assert found[1][2] == CUSTOMER


@pytest.mark.parametrize(
    "label",
    [
        "お客様：",
        "お客：",
        "客：",
        "顧客：",
        "ご契約者様：",
        "相手：",
        "先方：",
        "受付：",
        "社長：",
        "CU:",
    ],
)
def test_customer_label_syntax(label: str) -> None:
    found = structure(f"OP：ご案内です。\n{label}サーバーって何？")
    assert found[1][1:] == ("spoken", CUSTOMER, "サーバーって何？")


def test_name_before_quote_is_a_label_and_only_the_quote_is_spoken() -> None:
    found = structure("私「サーバーの件でございます」と伝えた\nお客様「はい」")
    assert found[0][1:] == ("spoken", AGENT, "サーバーの件でございます")
    assert found[1][1:] == ("spoken", CUSTOMER, "はい")


def test_quote_after_label_may_span_lines() -> None:
    found = structure("オペレーター②「一行目です。\n　二行目です。」\nお客様「ええ」")
    assert [(kind, role, text) for _, kind, role, text in found] == [
        ("spoken", AGENT, "一行目です。"),
        ("spoken", AGENT, "　二行目です。"),
        ("spoken", CUSTOMER, "ええ"),
    ]


def test_narration_in_parentheses_is_not_spoken_even_with_quotes() -> None:
    found = structure("私「ご案内です」\n（ここで「サーバー」と言いかけてやめた）\n（間）")
    assert [kind for _, kind, _, _ in found] == ["spoken", "narration", "narration"]


def test_parenthesised_label_before_quote() -> None:
    found = structure("→「ご案内です。」\n（相手）「サーバーって？」\n→「はい。」")
    assert [(role, text) for _, _, role, text in found] == [
        (AGENT, "ご案内です。"),
        (CUSTOMER, "サーバーって？"),
        (AGENT, "はい。"),
    ]


def test_legend_line_defines_letter_labels() -> None:
    found = structure("X＝お客様　Y＝オペレーター\n\nY：ご案内です。\nX：はい。")
    assert found[0][1] == "legend"
    assert [(role, text) for _, kind, role, text in found[2:]] == [
        (AGENT, "ご案内です。"),
        (CUSTOMER, "はい。"),
    ]


def test_legend_with_slash_and_full_width_letters() -> None:
    found = structure("Ｏ＝オペレーター／Ｃ＝お客様\nＣ：もしもし\nＯ：お電話ありがとうございます")
    assert [role for _, _, role, _ in found[1:]] == [CUSTOMER, AGENT]


def test_legend_block() -> None:
    found = structure("【凡例】\nT：担当者\nK：お客様\n\nT：こんにちは\nK：どうも")
    assert [kind for _, kind, _, _ in found[:3]] == ["legend"] * 3
    assert [role for _, _, role, _ in found[4:]] == [AGENT, CUSTOMER]


def test_unknown_label_used_twice_is_guessed_opposite_the_known_side() -> None:
    text = "顧客：もしもし\nAI：お電話ありがとうございます。\n顧客：解約したい\nAI：承知しました。"
    script = read_script(plain_lines(text), DEFAULT_LABELS)
    assert [s.role for s in script.segments] == [CUSTOMER, AGENT, CUSTOMER, AGENT]
    [guess] = script.guesses
    assert (guess.name, guess.role, guess.line, guess.count) == ("AI", AGENT, 2, 2)


def test_guess_is_reported_as_info(mini_glossary: Glossary) -> None:
    text = "顧客：もしもし\nAI：サーバーの件です。\n顧客：はい\nAI：以上です。"
    findings = lint(mini_glossary, text)
    assert [(f.line, f.rule, f.severity) for f in findings] == [
        (2, "speaker-guess", "info"),
        (2, "jargon", "warning"),
    ]
    guess = next(f for f in findings if f.rule == "speaker-guess")
    assert "agent_labels" in guess.message
    assert (guess.column, guess.matched) == (1, "AI")
    assert [f.term for f in findings if f.rule != "speaker-guess"] == ["サーバー"]


def test_unknown_letters_without_legend_first_speaker_is_the_agent() -> None:
    found = structure("A：ご案内です。\nB：はい。\nA：では。\nB：どうも。")
    assert [role for _, _, role, _ in found] == [AGENT, CUSTOMER, AGENT, CUSTOMER]


def test_unknown_name_used_once_is_not_a_label() -> None:
    found = structure("OP：ご案内です。\n山田：5分以内\nOP：以上です。")
    assert found[1][2] == AGENT  # continues the agent: 山田 speaks only once
    assert found[1][3] == "山田：5分以内"


def test_field_lines_are_notes_and_never_speakers() -> None:
    found = structure("OP：サーバーの件です。\n反応：興味あり\nお客様：はい。\n反応：なし")
    assert [(kind, role) for _, kind, role, _ in found] == [
        ("spoken", AGENT),
        ("note", None),
        ("spoken", CUSTOMER),
        ("note", None),
    ]


def test_japanese_qa_words() -> None:
    found = structure("質問：サーバーって？\n回答：機械です。\n質問：へえ\n回答：はい。")
    assert [role for _, _, role, _ in found] == [CUSTOMER, AGENT, CUSTOMER, AGENT]


def test_note_after_the_speech_on_the_same_line(mini_glossary: Glossary) -> None:
    found = structure("OP：ご案内でございます。※ここでサーバーと言わない")
    assert [(kind, text) for _, kind, _, text in found] == [
        ("spoken", "ご案内でございます。"),
        ("note", "※ここでサーバーと言わない"),
    ]
    text = "OP：ご案内でございます。※ここでサーバーと言わない"
    assert lint(mini_glossary, text) == []
    [finding] = lint(mini_glossary, text, include_unspoken=True)
    assert (finding.column, finding.matched) == (18, "サーバー")


def test_known_customer_label_and_no_agent_label_never_drops_other_lines() -> None:
    found = structure("田中：サーバーの件です。\n社長：はい。\n田中：では。")
    assert [role for _, _, role, _ in found] == [AGENT, CUSTOMER, AGENT]


def test_quoted_layout_lints_only_the_quotes() -> None:
    text = (
        "光回線の切り替えトーク\n"
        "\n"
        "STEP 1｜ごあいさつ\n"
        "「お世話になります。\n"
        "　サーバーの件です。」\n"
        "💡 「サーバー」とは言わずに話す。\n"
        "ここは説明の文です。\n"
        "「二つ目のセリフです。」と明るく言う\n"
        "❌ 「サーバーって何？」\n"
        "✅ 「お手元の機械のことです。」\n"
    )
    found = {line: (kind, role, text) for line, kind, role, text in structure(text)}
    assert found[1][0] == "heading"  # the title
    assert found[3][0] == "heading"  # the step label
    assert found[4] == ("spoken", AGENT, "お世話になります。")
    assert found[5] == ("spoken", AGENT, "　サーバーの件です。")
    assert found[6][0] == "note"
    assert found[7][0] == "narration"
    assert found[8] == ("spoken", AGENT, "二つ目のセリフです。")
    assert found[9] == ("spoken", CUSTOMER, "サーバーって何？")
    assert found[10] == ("spoken", AGENT, "お手元の機械のことです。")


def test_one_voice_script_is_all_agent() -> None:
    found = structure("お電話ありがとうございます。\nサーバーの件でございます。")
    assert [(kind, role) for _, kind, role, _ in found] == [("spoken", AGENT)] * 2


def test_qa_layout() -> None:
    text = (
        "Q. サーバーって何ですか？\nA. 機械のことです。\n"
        "　 続けてご案内します。\nQ: 次は？\nA: 以上です。"
    )
    found = structure(text)
    assert [role for _, _, role, _ in found] == [CUSTOMER, AGENT, AGENT, CUSTOMER, AGENT]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("STEP 2｜ヒアリング", "heading"),
        ("Step 3: ご提案", "heading"),
        ("2. ご提案", "heading"),
        ("③ クロージング", "heading"),
        ("■ よくある質問", "heading"),
        ("💡 サーバーの話は短く", "note"),
        ("ポイント：サーバーの話は短く", "note"),
        ("注意：サーバーとは言わない", "note"),
        ("メモ：サーバー", "note"),
        ("NG：「サーバーを再起動します」", "note"),
        ("※NG例「サーバー」", "note"),
        ("→ 興味あり：3へ", "branch"),
        ("⇒ 不在の場合はサーバーの資料を送る", "branch"),
        ("（間）", "narration"),
        ("（沈黙の場合）→ 5秒待って次へ", "branch"),
        ("断られたら → 切り返し①へ", "branch"),
        ("＜本題＞", "heading"),
        ("《クロージング》", "heading"),
    ],
)
def test_unspoken_lines_in_a_labelled_script(line: str, kind: str) -> None:
    found = structure(f"OP：こんにちは。\n{line}\nOP：以上です。")
    assert found[1][1] == kind


def test_unspoken_text_is_linted_only_when_asked(mini_glossary: Glossary) -> None:
    text = (
        "OP：こんにちは。\nポイント：サーバーの話は短く\n→ 興味あり：サーバーの話へ\nOP：以上です。"
    )
    assert lint(mini_glossary, text) == []
    assert [f.line for f in lint(mini_glossary, text, include_unspoken=True)] == [2, 3]


def test_ok_example_is_the_agent_speaking() -> None:
    found = structure(
        "オペ：こんにちは。\nNG：「サーバーです」\nOK：「機械のことです」\nお客：はい"
    )
    assert found[1][1] == "note"
    assert found[2][1:] == ("spoken", AGENT, "機械のことです")


def test_short_line_after_a_blank_ends_the_dialogue() -> None:
    found = structure("私「以上です。」\n\n振り返り\n・サーバーの説明が長かった")
    assert [kind for _, kind, _, _ in found[2:]] == ["heading", "narration"]


MANUAL = """# 研修マニュアル

サーバーの説明は短くします。詳しくは[サーバーの説明](#サーバー)を見てください。

```
営業：お世話になります。サーバーの件です。
受付：少々お待ちください。
社長：はい。
営業：ありがとうございます。
```

```
結果：サーバー
```

| 場面 | セリフ | ポイント |
|---|---|---|
| 受付 | 「サーバーの件で、お時間をください」 | サーバーとは言わない |

> **営業**：サーバーの件でした。

<details>
サーバー
</details>
"""


def test_markdown_manual_reads_dialogue_from_fence_table_and_quotes() -> None:
    segments = read_segments("m.md", MANUAL.encode(), ReadOptions())
    script = read_script(segments, DEFAULT_LABELS)
    spoken = [(s.line, s.role, s.text) for s in script.segments if s.kind is Kind.SPOKEN]
    assert spoken == [
        (6, AGENT, "お世話になります。サーバーの件です。"),
        (7, CUSTOMER, "少々お待ちください。"),
        (8, CUSTOMER, "はい。"),
        (9, AGENT, "ありがとうございます。"),
        (18, AGENT, "サーバーの件で、お時間をください"),
        (20, AGENT, "サーバーの件でした。"),
    ]


def test_markdown_manual_findings(mini_glossary: Glossary) -> None:
    findings = lint(mini_glossary, MANUAL, "m.md")
    assert [(f.line, f.column) for f in findings] == [(6, 13), (18, 9), (20, 10)]
    assert all(f.matched == "サーバー" for f in findings)
    everything = lint(mini_glossary, MANUAL, "m.md", include_unspoken=True)
    lines = {f.line for f in everything}
    assert {3, 18, 23} <= lines  # prose, the ポイント column and <details> with the option
    assert 13 not in lines  # a fence that holds no dialogue is code, never linted
    assert 13 not in {f.line for f in lint(mini_glossary, MANUAL, "m.md", speakers="all")}


def test_markdown_link_targets_and_tags_are_never_linted(mini_glossary: Glossary) -> None:
    text = 'OP：[資料](https://example.com/サーバー)です。<img alt="サーバー"> ![サーバー](s.png)\n'
    assert lint(mini_glossary, text, "m.md", include_unspoken=True) == []


def test_csv_with_talk_and_speaker_columns(mini_glossary: Glossary) -> None:
    text = (
        "No,場面,話し手,トーク,注意点\n"
        "1,サーバー,オペ,サーバーの件です,サーバーと言わない\n"
        "2,,お客様,サーバー？,\n"
    )
    findings = lint(mini_glossary, text, "s.csv")
    assert [(f.line, f.cell) for f in findings] == [(2, "トーク")]
    everything = lint(mini_glossary, text, "s.csv", include_unspoken=True)
    assert [(f.line, f.cell) for f in everything] == [(2, "場面"), (2, "トーク"), (2, "注意点")]


@pytest.mark.parametrize(
    "line",
    [
        "OP：サーバー、お客様のデータを預かる機械でございますが、こちらで管理します。",
        "OP：サーバー、データを置いておく大きな機械ですので、ご安心ください。",
        "OP：サーバー群、つまりデータを置く機械はこちらで管理します。",
        "OP：データを置いておく機械、いわゆるサーバーはこちらで管理します。",
    ],
)
def test_explained_in_apposition(mini_glossary: Glossary, line: str) -> None:
    [finding] = lint(mini_glossary, line)
    assert (finding.rule, finding.severity) == ("explained", "info")


@pytest.mark.parametrize(
    "line",
    [
        "OP：サーバー、光回線もご確認いただけますので、ご安心ください。",
        "OP：サーバー、速度は100ですので、十分です。",
        "OP：サーバー。機械でございますが、大丈夫です。",
    ],
)
def test_not_an_apposition(mini_glossary: Glossary, line: str) -> None:
    found = [f for f in lint(mini_glossary, line) if f.term == "サーバー"]
    assert found[0].rule != "explained"


def test_heading_subtitle_in_brackets_is_not_an_explanation(mini_glossary: Glossary) -> None:
    text = "【切り返し（サーバーの話）】\n■ サーバー（よくある質問）\nOP：はい。"
    findings = lint(mini_glossary, text, include_unspoken=True)
    assert findings and all(f.rule != "explained" for f in findings)


@pytest.mark.parametrize(
    "line",
    [
        "[00:12] オペ：サーバーの件です。",
        "14:05 オペ: サーバーの件です。",
        "1. オペ：サーバーの件です。",
        "・オペ：サーバーの件です。",
    ],
)
def test_time_stamps_numbers_and_bullets_before_a_label(line: str) -> None:
    found = structure(f"{line}\nお客：はい。")
    assert found[0][1:] == ("spoken", AGENT, "サーバーの件です。")


def test_numbered_qa() -> None:
    found = structure("Q1. サーバーとは？\nA1. 機械です。\nQ2. 次は？\nA2. 以上です。")
    assert [role for _, _, role, _ in found] == [CUSTOMER, AGENT, CUSTOMER, AGENT]


def test_customer_name_with_honorific_before_quote() -> None:
    found = structure("担当（佐藤）「サーバーの件です」\nお客様（田中様）「はい」")
    assert [(role, text) for _, _, role, text in found] == [
        (AGENT, "サーバーの件です"),
        (CUSTOMER, "はい"),
    ]


def test_bracketed_or_spaced_unknown_words_are_not_labels() -> None:
    found = structure("[資料]をお送りします。\n[資料]は明日届きます。\n私は　元気です。")
    assert [(role, text) for _, _, role, text in found] == [
        (AGENT, "[資料]をお送りします。"),
        (AGENT, "[資料]は明日届きます。"),
        (AGENT, "私は　元気です。"),
    ]


def test_file_with_only_customer_labels_keeps_the_agents_lines() -> None:
    found = structure(
        "山田：サーバーの件です。\nお客様：はい。\nそれでは、ご案内します。\n\n以上でございます。"
    )
    assert [(line, role) for line, _, role, _ in found if role] == [
        (1, AGENT),
        (2, CUSTOMER),
        (3, CUSTOMER),
        (5, AGENT),
    ]


def test_a_guessed_speaker_from_a_table_cell_is_reported_on_one_line(mini_glossary) -> None:
    text = '話者,セリフ\n"田中\n様",サーバーの件です。\n"田中\n様",以上です。\n'
    findings = lint(mini_glossary, text, "s.csv")
    guess = next(f for f in findings if f.rule == "speaker-guess")
    assert guess.term == "田中 様" and "\n" not in guess.message
    assert guess.matched == "" and guess.column == guess.end_column
    assert [f.term for f in findings if f.rule == "jargon"] == ["サーバー"]
