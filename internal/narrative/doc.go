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
// stays silent. A figure (a number in Arabic digits with a known unit:
// 2432人, 1.2万人次, 98.7%) is compared with the claims whose subject its
// clause names, by character bigrams of the indicator's name, and reported
// only when one claim fits clearly and states another number; bounds,
// approximations, ranges, ordinals, figures of other years and figures of
// a part, a change or an average are never reported. docs/narrative.md
// gives the rules in full.
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
