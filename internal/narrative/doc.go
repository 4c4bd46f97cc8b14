// Package narrative finds where the narrative texts of a self-evaluation
// form (目标完成情况, each task's 目标完成情况, key-project summaries,
// 部门整体绩效) state a figure for the same subject as an indicator, with a
// different number. It is the engine of the rule narrative.mismatch: the
// table says 来穗人员子女入学人数 2423人次, the text says 2432人积分入学.
//
// It is deterministic and self-contained: no segmenter, no model, no
// regular expressions. Numbers are exact decimals (budget.ParseNumber),
// never float64. Find is pure and safe for concurrent use; package state
// is read-only tables built at init.
//
// Precision matters far more than recall: a false alarm on a published
// form costs the user's trust, so wherever the heuristic is unsure it
// stays silent.
//
// # Figures
//
// A section is read rune by rune. A figure is a number in Arabic digits
// (ASCII or full width, thousands separators "2,811", a decimal point)
// followed by a known unit (人, 人次, 名, 次, 场次, 个, 项, 户, 起, %, 万元,
// 1.2万人次 …), possibly after a space. Not figures, and never reported:
//
//   - a number without a unit: years and dates (2021年, 2017-2020年度,
//     11月, 2021.11.01), codes (12345热线, “8+1”, G20), enumerations (（1）);
//   - an approximation or a bound: 30余场次, 1万余人次, 超1万, 约, 近,
//     不少于24人, 95%以上, 左右, 以内, ≥95%;
//   - a range (10-20人, 10至20人), an ordinal or rank (第1名, 前3名),
//     an anniversary (30周年);
//   - a figure whose window names a year earlier than the latest year any
//     of the sections names (2020年培训2500人次 in a report that speaks of
//     2021): Find is not told the form's year and takes the latest one
//     written for it.
//
// Chinese numerals (三个, 九十八次, 百分之百) are not read: in report prose
// they are nearly always slogans (“五个坚决防止”, 八个专项行动, 连续七年)
// rather than statistics, which forms print in Arabic digits.
//
// # Clauses, windows and sentences
//
// A sentence ends at 。；！？ or a line break; a clause also ends at ，、：
// and parentheses (an ASCII comma or point inside a number is part of the
// number). A figure's window is its clause, cut to 32 runes before it and
// 16 after it and never reaching into another figure of the clause
// ("2432人积分入学、103户家庭…" gives "2432人积分入学"). Its context is its
// sentence, cut to 128 runes either side.
//
// # Subjects
//
// Chinese has no spaces, and the package uses no segmenter. An indicator
// name is reduced to its subject characters: Han characters only, with
// generic words removed — counting words (人数, 人次, 场次, 数量, a
// trailing 数/量), generic nouns (情况, 工作, 项目, 活动, 指标) and the verbs and
// adverbs of report prose (开展, 完成, 组织, 帮助, 累计, 全年, 实际 …);
// 完成率 and 达标率 are kept whole. A removed word leaves a gap, so
// 来穗人员子女入学人数 gives 来穗人员子女入学 and 开展综治创新项目及…创建工作
// gives 综治创新 | 及…示范 | 创建. The same reduction is applied to the
// window around a figure (without the figure itself and without years).
// Single-character function words (的, 和, 及, 共, 达, 为 …) stay in place,
// since they also occur inside words (及时, 达标), but they count neither for
// nor against a match.
//
// The subject is compared through character bigrams. Chinese noun phrases
// put their head last, so the head of a name is the last bigram of its
// last run (入学, 讲座, 培训, 解率). A claim is a candidate for a figure when
//
//  1. the units are comparable: 人, 人次, 名 and 位 count people; 次, 场
//     and 场次 count times; % compares only with % (百分点 is not %);
//     scales (万, 亿, 千) are converted exactly; any other unit only with
//     itself. A claim with no unit is never compared;
//  2. the head of the name occurs in the window (so 上党课94次 is not
//     专题讲座, and 重大不稳定问题化解率 is not dismissed on 率 alone);
//  3. precision p ≥ 1/2: of the subject characters of the window, at
//     least half lie inside a bigram of the name ("重大不稳定问题化解率"
//     against 矛盾纠纷化解率 is 3/10: another subject);
//  4. recall r ≥ 3/5: at least three fifths of the name's subject
//     characters lie inside a bigram of the name that occurs in the
//     sentence (the topic of a Chinese sentence is often stated once:
//     "帮助3057名来穗人员积分入户，2432人积分入学" carries 来穗人员 to 入学);
//  5. the text before the figure in its window has no marker that makes
//     the figure something other than the level the indicator reports,
//     unless the name has it too: a part (其中, 包括, 含, 占), a change
//     (同比, 增长, 增加, 减少, 下降, 提高, 新增, 较 …), an average (平均,
//     人均, 每 …), a target (目标, 计划, 预计, 力争, 确保 …), another year
//     (上年, 去年, 同期), a rank (排名), a wider scope than the unit's own
//     (全国, 全省, 全市, 全区, 全县: "全市培训干部3000人次" in a district
//     unit's report), a subgroup (男生, 女性, 女学生, 女职工 …).
//
// A candidate is strong when p ≥ 4/5 and r ≥ 3/4, weak otherwise (so
// "受理法律援助案件350件" against 法律援助案件数, p = 6/8, is weak: 受理 may
// be another stage of the subject than the one the indicator counts).
//
// Claims are filed by (head bigram, unit class) once per call, so a
// figure meets only the claims whose head occurs in its window. A figure
// that fits more than 32 claims at that stage is too generic to attribute
// and is silent.
//
// # Deciding
//
// Numbers are compared exactly in their base unit at the precision of the
// coarser of the two as printed: 98.7% equals 98.70%, 99% equals
// 98.70%, 1.2万人次 equals 12,000人次. For each figure:
//
//   - if any candidate states the same number, the figure is silent (the
//     text agrees with some indicator of that subject);
//   - otherwise the best candidate is taken (strong before weak, then by
//     p, then by r); if another claim with a different number fits equally
//     well, the figure is ambiguous and silent;
//   - a strong best candidate is a mismatch; a weak one only when the two
//     numbers look like a slip of the pen: the same number of digits and
//     either two digits swapped (2432 for 2423, 102 for 120) or one digit
//     different with the two within 1% of each other (2812 for 2811; not
//     350 for 320). A weak match with any other number is more likely a
//     different quantity of a related subject (培训干部2811人次 against
//     培训人数 300人, 受理 350 against 办结 320) than an error.
//
// Each figure gives at most one mismatch. Results come in section order,
// then in the order of the figures in the text.
//
// On the Tianhe 2021 form this gives exactly one mismatch: 2432人积分入学
// (overall) against 来穗人员子女入学人数 2423人次 — a weak match (p = 2/4 on
// 积分入学, r = 6/8 with 来穗人员 from the sentence) with transposed digits.
// The figures that agree (专题讲座99次, 党规党纪培训2811人次, 3057名来穗人员
// 积分入户, 化解率98.7%, 办结率100%) and those of other subjects (上党课94次,
// 红色教育751次, 破案率93.37%, 103户, 81项) are silent.
//
// # Limits
//
// Sections longer than MaxSectionBytes are skipped; at most MaxClaims
// claims are read; names longer than 1 KiB and values beyond the limits
// of budget.ParseNumber (a decimal such as 1e999999999 built in code) are
// ignored. A section is read once, each rune looked up in small tables;
// windows and contexts are bounded and a figure meets at most 32 claims,
// so the work is linear in the length of the text plus the number of
// claims (times the log of it, to file them). Find keeps its buffers in a
// sync.Pool and allocates little beyond the decimals it compares.
package narrative
