"""Word senses: a form next to certain words is not the term (or is another entry)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jargonlint.glossary import builtin_dictionary_files, load_entries, read_sources
from jargonlint.linter import Glossary, GlossaryError, Linter

ENTRY = """\
- term: キャリア
  reading: きゃりあ
  category: telecom
  avoid_for: consumer
  explanation: 携帯電話の会社のことです。
  say_instead: [携帯電話の会社]
  example: 今のキャリアはどちらですか。
"""


def load(tmp_path: Path, text: str) -> Glossary:
    path = tmp_path / "g.yaml"
    path.write_text(text, encoding="utf-8")
    return Glossary.load([path], builtin=False, use_cache=False)


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(GlossaryError) as caught:
        load(tmp_path, text)
    return [str(p) for p in caught.value.problems]


def terms(glossary: Glossary, text: str) -> list[tuple[str, str]]:
    findings = Linter(glossary).lint_text("t.txt", text)
    return [(f.term, f.matched) for f in findings]


def test_followed_by_rules_out_the_term(tmp_path: Path) -> None:
    glossary = load(
        tmp_path,
        ENTRY
        + "  not_when:\n"
        + "    - followed_by: [アップ, 採用]\n"
        + "      example: キャリアアップを目指します。\n",
    )
    assert terms(glossary, "キャリア採用の面接です。") == []
    assert terms(glossary, "キャリアの乗りかえです。") == [("キャリア", "キャリア")]


def test_conditions_of_one_rule_must_all_hold(tmp_path: Path) -> None:
    glossary = load(
        tmp_path,
        ENTRY
        + "  not_when:\n"
        + "    - preceded_by: [長い]\n"
        + "      followed_by: [を]\n"
        + "      example: 長いキャリアを生かします。\n",
    )
    assert terms(glossary, "長いキャリアを生かします。") == []
    assert terms(glossary, "長いキャリアで考えます。") == [("キャリア", "キャリア")]
    assert terms(glossary, "大手のキャリアをお選びです。") == [("キャリア", "キャリア")]


def test_near_looks_within_the_window_on_both_sides(tmp_path: Path) -> None:
    glossary = load(
        tmp_path,
        ENTRY
        + "  not_when:\n"
        + "    - near: [転職]\n"
        + "      window: 3\n"
        + "      example: 転職してキャリアを生かします。\n",
    )
    assert terms(glossary, "キャリアと転職のお話です。") == []
    assert terms(glossary, "転職もキャリアのお話です。") == []
    assert terms(glossary, "キャリアのお乗りかえのあとで、転職します。") == [
        ("キャリア", "キャリア")
    ]


def test_unless_near_keeps_an_everyday_spelling_only_in_its_jargon_company(
    tmp_path: Path,
) -> None:
    entry = """\
- term: Cookie
  reading: くっきー
  category: it
  avoid_for: consumer
  variants: [クッキー]
  explanation: ホームページが見た人のことを覚えておく小さな記録です。
  say_instead: [閲覧の記録]
  example: Cookieを有効にしてください。
  not_when:
    - forms: [クッキー]
      unless_near: [有効, 削除]
      window: 4
      example: 焼きたてのクッキーです。
"""
    glossary = load(tmp_path, entry)
    assert terms(glossary, "焼きたてのクッキーです。") == []  # no 有効 or 削除 near
    assert terms(glossary, "クッキーを削除してください。") == [("Cookie", "クッキー")]
    assert terms(glossary, "焼きたてのCookieです。") == [("Cookie", "Cookie")]  # other form


def test_means_hands_the_match_to_the_other_entry(tmp_path: Path) -> None:
    other = """\
- term: 職歴
  reading: しょくれき
  category: hr
  avoid_for: consumer
  explanation: これまでの仕事の歩みです。
  say_instead: [仕事の歩み]
  example: 職歴をお書きください。
"""
    glossary = load(
        tmp_path,
        ENTRY
        + "  not_when:\n"
        + "    - near: [転職]\n"
        + "      means: 職歴\n"
        + "      example: 転職でキャリアを生かします。\n"
        + other,
    )
    assert terms(glossary, "転職でキャリアを生かします。") == [("職歴", "キャリア")]


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("    - after: [アップ]\n      example: キャリアアップです。\n", "unknown key 'after'"),
        ("    - followed_by: [アップ]\n", "missing example"),
        ("    - example: キャリアアップです。\n", "needs at least one of"),
        ("    - followed_by: アップ\n      window: 3\n      example: 例。\n", "window applies"),
        ("    - near: [x]\n      window: 0\n      example: 例。\n", "window must be"),
        ("    - followed_by: [1]\n      example: 例。\n", "followed_by must be a list"),
        ("    - unless_near: [x]\n      forms: 1\n      example: 例。\n", "forms must be a list"),
        (
            "    - followed_by: [アップ]\n      means: 職歴\n      example: キャリアアップ。\n",
            "means '職歴' is not another entry's headword",
        ),
        (
            "    - followed_by: [アップ]\n      example: 今日は晴れです。\n",
            "example does not contain the term",
        ),
        (
            "    - followed_by: [アップ]\n      example: キャリアの乗りかえです。\n",
            "example is still this term",
        ),
        (
            "    - followed_by: [は]\n      example: キャリアは大手です。\n",
            "キャリア: example is ruled out by not_when",
        ),
    ],
)
def test_rule_problems_name_file_and_line(tmp_path: Path, rule: str, expected: str) -> None:
    text = ENTRY.replace("今のキャリアはどちらですか。", "キャリアはどちらですか。")
    found = problems(tmp_path, text + "  not_when:\n" + rule)
    assert any(expected in p for p in found), found
    assert all("g.yaml:" in p.split(" ")[0] for p in found), found


def test_a_rule_problem_points_at_the_rule_line(tmp_path: Path) -> None:
    rule = "    - followed_by: [アップ]\n      example: 今日は晴れです。\n"
    [found] = problems(tmp_path, ENTRY + "  not_when:\n" + rule)
    assert found.endswith("g.yaml:9: キャリア: not_when rule 1: example does not contain the term")


# Sentences of our own, in both senses, for every sense-ambiguous entry of the
# shipped glossary: (term, the term's sense, another sense).
BOTH_SENSES = [
    ("Cookie", "ブラウザのクッキーを有効にしてください。", "手作りのクッキーをお配りしています。"),
    ("Cookie", "クッキーの利用に同意いただけますか。", "お茶うけにクッキーをご用意しました。"),
    (
        "キャリア",
        "格安のキャリアへのお乗りかえですね。",
        "御社のキャリア採用についてお電話しました。",
    ),
    ("キャリア", "大手のキャリアでご契約中ですか。", "ご主人様のキャリアアップのご予定は。"),
    (
        "インバウンド",
        "インバウンドの窓口でお受けします。",
        "訪日の外国人が増え、インバウンドのお客様が多い宿です。",
    ),
    (
        "インバウンド",
        "インバウンドのお電話を承ります。",
        "インバウンド需要で客室が埋まっております。",
    ),
    (
        "アウトバウンド",
        "アウトバウンドでご案内しております。",
        "アウトバウンド通信を止める設定です。",
    ),
    ("転用", "フレッツ光からの転用でございます。", "書式の転用で、ほかの部署も使えます。"),
    ("転用", "転用承諾番号をご用意ください。", "農地の転用には許可が要ります。"),
    (
        "転用",
        "フレッツ光から転用いただく形になります。",
        "この資料は、来月の研修にもそのまま転用いたします。",
    ),
    ("ドメイン", "独自のドメインをお取りします。", "業界のドメイン知識が強みの方です。"),
    ("ドメイン", "ドメインの更新をお忘れなく。", "御社の事業ドメインに近い方をご紹介します。"),
    ("アクセス", "こちらのページにアクセスしてください。", "駅からのアクセスが良いお店です。"),
    ("アクセス", "サイトにアクセスできない状態です。", "空港へのアクセスも便利な立地です。"),
    (
        "バックアップ",
        "写真のバックアップをお取りください。",
        "移転の準備は全面的にバックアップいたします。",
    ),
    (
        "バックアップ",
        "データを毎晩バックアップしております。",
        "開業の準備をバックアップします。",
    ),
    ("切り返し", "お断りへの切り返しを練習します。", "車の切り返しができる広さがあるか伺います。"),
    (
        "切り返し",
        "ここで切り返しのひと言を入れます。",
        "トラックが何度も切り返しをしておりました。",
    ),
    ("受電", "受電件数は午前が多いです。", "高圧受電の工場でございます。"),
    ("受電", "受電のあと、記録を残します。", "受電設備の点検日をお知らせします。"),
    ("受電", "受電の件数を数えます。", "マンションの一括受電はお切りかえの対象外です。"),
    ("デバイス", "対応するデバイスは五台までです。", "株式会社ミナトデバイスが査定します。"),
    ("デバイス", "デバイスの登録をお願いします。", "サクラデバイス株式会社の者です。"),
    ("デバイス", "お使いのデバイスをお選びください。", "デバイスエージェンシーの田中と申します。"),
    ("デバイス", "デバイスの台数をお知らせください。", "タナカデバイスの者でございます。"),
    ("デバイス", "デバイスが古いと動きません。", "会場はデバイスビルの三階です。"),
    (
        "ステータス",
        "お申し込みのステータスは審査中です。",
        "高級な時計は社会的なステータスでした。",
    ),
    (
        "ドライバ",
        "プリンターのドライバを入れ直してください。",
        "配送のドライバーが午後に伺います。",
    ),
    (
        "ペアリング",
        "イヤホンのペアリングを始めてください。",
        "チーズとワインのペアリングが人気です。",
    ),
    ("同期", "連絡先を同期しておきます。", "大学の同期と旅行に行きました。"),
    (
        "フィッシング",
        "フィッシングのメールにご注意ください。",
        "川でフィッシングをするのが趣味です。",
    ),
    ("リード", "今月はリードが五十件集まりました。", "首輪とリードを新しくしました。"),
    ("告知", "告知は正しくお答えください。", "キャンペーンの告知をメールでお送りします。"),
    ("高圧", "高圧のご契約は別のお見積もりです。", "高圧な言い方は控えましょう。"),
    ("開栓", "開栓の立ち会いをお願いします。", "シャンパンの開栓はゆっくりと。"),
    ("閉栓", "閉栓のご連絡をお待ちしております。", "ビール瓶の閉栓を確かめます。"),
    ("PV", "ページのPVが増えました。", "太陽光のPVで発電しております。"),
    ("LTV", "LTVを高める施策です。", "物件のLTVが高いと融資が難しくなります。"),
    ("CPA", "CPAを抑える広告です。", "会計士の資格としてCPAを目指しております。"),
    ("VOC", "VOCを社内で共有します。", "塗料のVOCが少ない商品です。"),
    ("UTM", "UTMで外からの攻撃を防ぎます。", "URLにUTMパラメータを付けて計測します。"),
    ("認証", "認証の番号を入力してください。", "ISO認証を取った工場です。"),
    ("ライセンス", "ソフトのライセンスをご購入ください。", "運転のライセンスを更新しました。"),
    ("ストレージ", "スマホのストレージがいっぱいです。", "荷物はレンタルストレージに預けます。"),
    ("パッチ", "修正のパッチをあててください。", "禁煙のためのニコチンパッチです。"),
    ("トナー", "コピー機のトナーをお送りします。", "洗顔のあとにトナーで肌を整えます。"),
    ("導線", "申し込みまでの導線を見直します。", "電気の導線がむき出しで危ないです。"),
    (
        "インプレッション",
        "広告のインプレッションが増えました。",
        "新車の試乗インプレッションを読みました。",
    ),
    (
        "ポートフォリオ",
        "お客様のポートフォリオを見直します。",
        "デザイナーの作品のポートフォリオを拝見します。",
    ),
    ("プロパー", "御社のプロパーの方がご担当ですか。", "銀行のプロパー融資を受けております。"),
    (
        "スイッチング",
        "スイッチングの手続きは弊社がいたします。",
        "スイッチングハブを増やしました。",
    ),
    ("稼働率", "サービスの稼働率は高い水準です。", "客室稼働率が上がりました。"),
    ("レガシー", "レガシーなシステムの移行です。", "五輪のレガシーとして残る施設です。"),
    ("リファラル", "リファラルでの採用が増えました。", "検索以外のリファラルからの流入です。"),
    (
        "エンゲージメント",
        "投稿のエンゲージメントが高いです。",
        "従業員のエンゲージメントを調べます。",
    ),
    (
        "ブラックリスト",
        "ブラックリストのご質問にはお答えできません。",
        "迷惑電話をブラックリストで着信拒否できます。",
    ),
    ("戸建てタイプ", "ファミリータイプでのご案内です。", "ファミリータイプの洗濯機を買いました。"),
    ("トスアップ", "担当にトスアップいたします。", "バレーボールのトスアップの練習です。"),
    (
        "クロージング",
        "最後のクロージングでお申し込みを伺います。",
        "大会のクロージングセレモニーです。",
    ),
    ("インフラ", "社内のインフラを見直します。", "道路などの社会インフラの話です。"),
    ("保守", "複合機の保守は弊社が行います。", "選挙で保守の政党が勝ちました。"),
    ("タップ", "画面のボタンをタップしてください。", "延長コードのタップを替えます。"),
    (
        "ヒアリング",
        "ご要望をヒアリングさせてください。",
        "英語のリスニング、つまりヒアリングが苦手です。",
    ),
    (
        "キックオフ",
        "来週キックオフの打ち合わせをします。",
        "サッカーの前半のキックオフは正午です。",
    ),
    ("マスト", "この機能はマストでございます。", "帆船のマストが見えます。"),
    ("動力", "動力のご契約は別料金です。", "風力を動力として使います。"),
    ("クリエイティブ", "広告のクリエイティブでございます。", "クリエイティブな方を募集中です。"),
    ("リース", "複合機はリースでのご契約です。", "クリスマスリースを玄関に飾りました。"),
    (
        "ダウンタイム",
        "点検のダウンタイムは一時間です。",
        "施術のあとのダウンタイムで腫れが出ます。",
    ),
    ("DX", "御社のDXをお手伝いします。", "DXルームをご用意しております。"),
    ("コンバージョン", "広告からのCVが増えました。", "アニメのCVを担当した声優さんです。"),
    ("カスタマーエンジニア", "CEが修理に伺います。", "CEマークの付いた製品です。"),
    ("デマンド", "デマンドで基本料金が決まります。", "デマンド交通を予約して使います。"),
    ("モニタリング", "通話はモニタリングしております。", "血圧のモニタリングができる時計です。"),
    ("相殺", "返金は翌月分と相殺いたします。", "送料で値引きの効果が相殺されます。"),
]

# Where the other sense is jargon too, the finding names that entry instead.
OTHER_JARGON_SENSE = [
    (
        "トラフィック",
        "セッション",
        "夜はトラフィックが集中しやすいです。",
        "ブログへのトラフィックが増えました。",
    ),
    ("免責", "債務整理", "故意の事故は免責となります。", "自己破産で免責が認められました。"),
    (
        "セッション",
        "ログイン",
        "先月のセッションは一万回です。",
        "しばらく操作がないとセッションが切れます。",
    ),
    (
        "ASP",
        "アフィリエイト",
        "ASPとしてアプリを貸しています。",
        "成果報酬の広告はASPを通して出します。",
    ),
]


@pytest.mark.parametrize(("term", "same", "other"), BOTH_SENSES, ids=lambda v: v)
def test_shipped_entries_in_both_senses(
    shipped_glossary: Glossary, term: str, same: str, other: str
) -> None:
    assert term in [t for t, _ in terms(shipped_glossary, same)]
    assert term not in [t for t, _ in terms(shipped_glossary, other)]


@pytest.mark.parametrize(("term", "means", "same", "other"), OTHER_JARGON_SENSE, ids=str)
def test_shipped_words_with_two_jargon_senses(
    shipped_glossary: Glossary, term: str, means: str, same: str, other: str
) -> None:
    assert [t for t, _ in terms(shipped_glossary, same)] == [term]
    assert [t for t, _ in terms(shipped_glossary, other)] == [means]


def test_every_shipped_rule_is_tested_here() -> None:
    """Each entry with not_when rules appears in the tables above."""
    entries, _ = load_entries(read_sources(builtin_dictionary_files())[0])
    with_rules = {e.term for e in entries if e.not_when}
    tested = {row[0] for row in BOTH_SENSES} | {row[0] for row in OTHER_JARGON_SENSE}
    assert with_rules - tested == set()


def test_proper_names_do_not_hide_the_term_in_ordinary_compounds(
    shipped_glossary: Glossary,
) -> None:
    assert ("デバイス", "デバイス") in terms(shipped_glossary, "デバイスメーカーの保証です。")
    assert ("クラウド", "クラウド") in terms(shipped_glossary, "クラウドサービスに保存します。")
