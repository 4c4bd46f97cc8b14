package markdown_test

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/budget"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/markdown"
	"github.com/perfeval/perfeval/rules"
)

const (
	seedPath    = "testdata/tianhe-2021-department-self-evaluation.md"
	tianhePath  = "../examples/tianhe2021/form.yaml"
	projectPath = "../examples/project/form.yaml"
)

func readForm(t testing.TB, path string) evaluation.Form {
	t.Helper()
	f, err := evaluation.ReadFile(path)
	require.NoError(t, err)
	return f
}

func readSeed(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile(seedPath)
	require.NoError(t, err)
	return string(data)
}

func importString(t testing.TB, doc string) evaluation.Form {
	t.Helper()
	f, err := markdown.Import("test.md", []byte(doc))
	require.NoError(t, err)
	return f
}

func department(t testing.TB, f evaluation.Form) *evaluation.DepartmentForm {
	t.Helper()
	d, ok := f.(*evaluation.DepartmentForm)
	require.True(t, ok, "want a department form, got %T", f)
	return d
}

func project(t testing.TB, f evaluation.Form) *evaluation.ProjectForm {
	t.Helper()
	p, ok := f.(*evaluation.ProjectForm)
	require.True(t, ok, "want a project form, got %T", f)
	return p
}

func encode(t testing.TB, f evaluation.Form) string {
	t.Helper()
	b, err := evaluation.Encode(f)
	require.NoError(t, err)
	return string(b)
}

// The published Tianhe 2021 form imports to exactly the hand transcription.
func TestImportTianheSeed(t *testing.T) {
	hand := department(t, readForm(t, tianhePath))
	got := department(t, importString(t, readSeed(t)))

	// Field by field first, for a readable failure.
	assert.Equal(t, hand.Profile, got.Profile)
	assert.Equal(t, hand.Department, got.Department)
	assert.Equal(t, hand.Year, got.Year)
	assert.Equal(t, hand.Unit, got.Unit)
	assert.Equal(t, hand.Funds, got.Funds)
	assert.Equal(t, hand.Goals, got.Goals)
	require.Len(t, got.Tasks, len(hand.Tasks))
	for i := range hand.Tasks {
		assert.Equal(t, hand.Tasks[i], got.Tasks[i], "tasks[%d]", i)
	}
	assert.Equal(t, hand.KeyProjects, got.KeyProjects)
	assert.Equal(t, hand.Overall, got.Overall)
	assert.Equal(t, hand.Problems, got.Problems)
	assert.Equal(t, hand.Improvements, got.Improvements)
	assert.Equal(t, hand, got)
	assert.Equal(t, encode(t, hand), encode(t, got))

	r := evaluation.Evaluate(got, nil)
	assert.Equal(t, "507.49", r.Figures.Adjustment.String())
	assert.Equal(t, "99.99%", r.Figures.CompletionRate.String())
	assert.Equal(t, "17.48%", r.Figures.AdjustmentRate.String())
	assert.Equal(t, "574.54", r.Figures.TaskFundsTotal.String())
	assert.Equal(t, "23.99%", r.Figures.TaskFundsShare.String())
}

// Numbers come from the document: changing one in the Markdown changes
// the imported figure.
func TestImportNumbersFromDocument(t *testing.T) {
	seed := readSeed(t)
	tests := []struct {
		name     string
		old, new string
		check    func(t *testing.T, f *evaluation.DepartmentForm)
	}{
		{"adjusted budget", "| 2395.15 |", "| 2400.15 |", func(t *testing.T, f *evaluation.DepartmentForm) {
			assert.Equal(t, "2400.15", f.Funds.AdjustedBudget.String())
		}},
		{"written places kept", "| 16.6 |", "| 16.60 |", func(t *testing.T, f *evaluation.DepartmentForm) {
			assert.Equal(t, int32(2), f.Tasks[0].Funds.Places())
			assert.Equal(t, "16.60", f.Tasks[0].Funds.String())
		}},
		{"thousands separator", "| 2902.64 |", "| 2,902.64 |", func(t *testing.T, f *evaluation.DepartmentForm) {
			assert.Equal(t, "2902.64", f.Funds.InitialBudget.String())
		}},
		{"source amount", "| 其中：一般公共预算 | 2394.83 |", "| 其中：一般公共预算 | 2000 |", func(t *testing.T, f *evaluation.DepartmentForm) {
			assert.Equal(t, "2000.00", f.Funds.Sources[0].ActualExpenditure.String())
			assert.Equal(t, "2394.83", f.Funds.ActualExpenditure.String())
		}},
		{"rate precision", "| 99.99% |", "| 100% |", func(t *testing.T, f *evaluation.DepartmentForm) {
			places, ok := f.Funds.Reported.CompletionRate.Printed()
			assert.True(t, ok)
			assert.Equal(t, int32(0), places)
		}},
		{"year", "| 2021年 |", "| 2022年 |", func(t *testing.T, f *evaluation.DepartmentForm) {
			assert.Equal(t, 2022, f.Year)
		}},
		{"unit", "单位：万元", "单位：元", func(t *testing.T, f *evaluation.DepartmentForm) {
			assert.Equal(t, budget.Yuan, f.Unit)
			assert.Equal(t, budget.Yuan, f.Funds.AdjustedBudget.Unit())
		}},
		{"task funds after the break", "| 488.36 |", "| 1,488.36 |", func(t *testing.T, f *evaluation.DepartmentForm) {
			assert.Equal(t, "1488.36", f.Tasks[1].Funds.String())
		}},
		{"no Guangzhou note, no profile", "重点项目是指预算金额500万元以上项目；如果部门没500万元以上项目，则根据部门职能自选一个重点项目。", "另有规定。", func(t *testing.T, f *evaluation.DepartmentForm) {
			assert.Equal(t, "", f.Profile)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Contains(t, seed, tt.old)
			doc := strings.Replace(seed, tt.old, tt.new, 1)
			tt.check(t, department(t, importString(t, doc)))
		})
	}
}

// What PDF conversion does to a form, and other templates' labels.
func TestImportTolerates(t *testing.T) {
	const base = `部门整体支出绩效自评表

单位：万元

| 部门名称 | | 示例局 | | 被评价年度 | 2024年 |
|---|---|---|---|---|---|
| 部门资金情况 | 部门调整预算收入 | 120.5 | 部门年初预算收入 | 100 | |
| | 实际支出数 | 110 | 年度预算调整数 | 20.5 | |
| | 其中：一般公共预算 | 110 | | | |
| | 预算完成率 | 91.29% | 预算调整率 | 20.5% | |
| 年度目标 | 部门整体支出的预期目标 | | 部门整体支出的目标完成情况 | | |
| | <p>目标一</p> <p>目标二</p> | | 完成 | | |
| 主要任务 | 预期目标 | 目标完成情况 | 关键指标 | 指标完成情况 | 任务涉及资金 |
| 任务1 | 甲 | 乙 | 指标A | 10个 | 50 |
| | | | 指标B | 下降 | |
| 重点项目绩效情况 | | <p>某重点项目</p> <p>完成良好。</p> | | | |

| | |
|---|---|
| 部门整体绩效 | 总体良好 |
| 存在问题 | 问题 |
| 改进措施或下一步计划 | 措施 |
`
	tests := []struct {
		name     string
		old, new string
		check    func(t *testing.T, f *evaluation.DepartmentForm)
	}{
		{"the base document", "", "", func(t *testing.T, f *evaluation.DepartmentForm) {
			assert.Equal(t, "示例局", f.Department)
			assert.Equal(t, 2024, f.Year)
			assert.Equal(t, []string{"目标一", "目标二"}, f.Goals.Expected)
			require.Len(t, f.Tasks, 1)
			assert.Equal(t, []evaluation.Indicator{{Name: "指标A", Actual: "10个"}, {Name: "指标B", Actual: "下降"}}, f.Tasks[0].Indicators)
			require.Len(t, f.KeyProjects, 1)
			assert.Equal(t, "某重点项目", f.KeyProjects[0].Name)
			assert.Equal(t, "完成良好。", f.KeyProjects[0].Summary)
			assert.Equal(t, "", f.Profile)
		}},
		{"no unit line", "单位：万元\n", "", func(t *testing.T, f *evaluation.DepartmentForm) {
			assert.Equal(t, budget.TenThousandYuan, f.Unit)
		}},
		{"no title: kind from labels", "部门整体支出绩效自评表\n", "", func(t *testing.T, f *evaluation.DepartmentForm) {
			assert.Equal(t, "示例局", f.Department)
		}},
		{"title as heading with year", "部门整体支出绩效自评表\n", "# 2024年度部门整体支出绩效自评表\n", func(t *testing.T, f *evaluation.DepartmentForm) {
			assert.Equal(t, 2024, f.Year)
		}},
		{"empty columns everywhere", "| 部门资金情况 | 部门调整预算收入 | 120.5 |", "| 部门资金情况 | | 部门调整预算收入 | | 120.5 |", func(t *testing.T, f *evaluation.DepartmentForm) {
			assert.Equal(t, "120.50", f.Funds.AdjustedBudget.String())
			assert.Equal(t, "100.00", f.Funds.InitialBudget.String())
		}},
		{"bold labels and a colon", "| 部门名称 |", "| **部门名称：** |", func(t *testing.T, f *evaluation.DepartmentForm) {
			assert.Equal(t, "示例局", f.Department)
		}},
		{"br and entities in a cell", "| 甲 |", "| 甲&amp;乙<br>丙 \\| 丁 |", func(t *testing.T, f *evaluation.DepartmentForm) {
			assert.Equal(t, "甲&乙\n丙 | 丁", f.Tasks[0].Expected)
		}},
		{"inline tags dropped", "| 指标A |", "| <b>指标A</b> |", func(t *testing.T, f *evaluation.DepartmentForm) {
			assert.Equal(t, "指标A", f.Tasks[0].Indicators[0].Name)
		}},
		{"dash for an amount not stated", "| 年度预算调整数 | 20.5 |", "| 年度预算调整数 | — |", func(t *testing.T, f *evaluation.DepartmentForm) {
			assert.Nil(t, f.Funds.Adjustment)
		}},
		{"unit in the cell", "| 110 | 年度预算调整数 |", "| 1,100,000元 | 年度预算调整数 |", func(t *testing.T, f *evaluation.DepartmentForm) {
			assert.True(t, f.Funds.ActualExpenditure.Equal(budget.MustParseAmount("110", budget.TenThousandYuan)))
			assert.Equal(t, budget.TenThousandYuan, f.Funds.ActualExpenditure.Unit())
		}},
		{"source under the adjusted budget", "| | 其中：一般公共预算 | 110 | | | |\n| | 预算完成率",
			"| | 预算完成率", func(t *testing.T, f *evaluation.DepartmentForm) {
				assert.Empty(t, f.Funds.Sources)
			}},
		{"source rows in both columns", "| | 实际支出数 |",
			"| | 其中：政府性基金预算 | 20 | 其中：政府性基金预算 | 10 | |\n| | 实际支出数 |", func(t *testing.T, f *evaluation.DepartmentForm) {
				require.Len(t, f.Funds.Sources, 2)
				s := f.Funds.Sources[0]
				assert.Equal(t, budget.GovernmentFundBudget, s.Kind)
				assert.Equal(t, "20.00", s.AdjustedBudget.String())
				assert.Equal(t, "10.00", s.InitialBudget.String())
				assert.Nil(t, s.ActualExpenditure)
				assert.Equal(t, budget.GeneralPublicBudget, f.Funds.Sources[1].Kind)
			}},
		{"target column", "| 关键指标 | 指标完成情况 |", "| 关键指标 | 指标完成情况 | 指标值 |", func(t *testing.T, f *evaluation.DepartmentForm) {
			// 指标值 is the column after 指标完成情况, where the base has 任务涉及资金:
			// columns are found by label, so 50 is now the first indicator's target.
			assert.Equal(t, "50", f.Tasks[0].Indicators[0].Target)
			assert.Nil(t, f.Tasks[0].Funds)
		}},
		{"page break inside a task", "| | | | 指标B | 下降 | |", "\n| | | | | | |\n|---|---|---|---|---|---|\n| | 续 | 完 | 指标B | 下降 | |",
			func(t *testing.T, f *evaluation.DepartmentForm) {
				assert.Equal(t, "甲续", f.Tasks[0].Expected)
				assert.Equal(t, "乙完", f.Tasks[0].Achieved)
				assert.Len(t, f.Tasks[0].Indicators, 2)
			}},
		{"task label repeated after a break", "| | | | 指标B | 下降 | |", "\n| 任务1 | 续 | | 指标B | 下降 | |\n|---|---|---|---|---|---|",
			func(t *testing.T, f *evaluation.DepartmentForm) {
				require.Len(t, f.Tasks, 1)
				assert.Equal(t, "甲续", f.Tasks[0].Expected)
				assert.Len(t, f.Tasks[0].Indicators, 2)
			}},
		{"indicator text split by a break", "| | | | 指标B | 下降 | |", "| | | | 指标B | 同比下降 |\n\n| | | | | 百分之十 | |\n|---|---|---|---|---|---|",
			func(t *testing.T, f *evaluation.DepartmentForm) {
				require.Len(t, f.Tasks[0].Indicators, 2)
				assert.Equal(t, "同比下降百分之十", f.Tasks[0].Indicators[1].Actual)
			}},
		{"key project split by a break", "<p>完成良好。</p> | | | |", "<p>完成</p> | | | |\n\n| | | 良好。 | | | |\n|---|---|---|---|---|---|",
			func(t *testing.T, f *evaluation.DepartmentForm) {
				require.Len(t, f.KeyProjects, 1)
				assert.Equal(t, "完成良好。", f.KeyProjects[0].Summary)
			}},
		{"key project budget", "<p>某重点项目</p>", "<p>某重点项目</p> <p>项目预算：620万元</p> <p>（自选重点项目）</p>", func(t *testing.T, f *evaluation.DepartmentForm) {
			k := f.KeyProjects[0]
			require.NotNil(t, k.Budget)
			assert.Equal(t, "620.00", k.Budget.String())
			assert.True(t, k.SelfSelected)
			assert.Equal(t, "完成良好。", k.Summary)
		}},
		{"tail continued after a break", "| 改进措施或下一步计划 | 措施 |", "| 改进措施或下一步计划 | 措施 |\n\n| | 续写 |\n|---|---|",
			func(t *testing.T, f *evaluation.DepartmentForm) {
				assert.Equal(t, "措施续写", f.Improvements)
			}},
		{"Guangzhou note as a table row", "| 改进措施或下一步计划 | 措施 |", "| 改进措施或下一步计划 | 措施 |\n| 注：重点项目是指预算金额500万元以上项目 | |",
			func(t *testing.T, f *evaluation.DepartmentForm) {
				assert.Equal(t, rules.Guangzhou2021, f.Profile)
			}},
		{"Guangzhou note with full-width digits", "| 改进措施或下一步计划 | 措施 |", "| 改进措施或下一步计划 | 措施 |\n\n> 注：\n>\n> 1. 重点项目是指预算金额５００万元以上项目",
			func(t *testing.T, f *evaluation.DepartmentForm) {
				assert.Equal(t, rules.Guangzhou2021, f.Profile)
			}},
		{"goals header without its block label", "| 年度目标 | 部门整体支出的预期目标 |", "| | 部门整体支出的预期目标 |", func(t *testing.T, f *evaluation.DepartmentForm) {
			assert.Equal(t, []string{"目标一", "目标二"}, f.Goals.Expected)
			assert.Equal(t, "完成", f.Goals.Achieved)
		}},
		{"tasks header without its block label", "| 主要任务 | 预期目标 |", "| | 预期目标 |", func(t *testing.T, f *evaluation.DepartmentForm) {
			require.Len(t, f.Tasks, 1)
			assert.Len(t, f.Tasks[0].Indicators, 2)
		}},
		{"full-width year and percent", "| 2024年 |", "| ２０２４年 |", func(t *testing.T, f *evaluation.DepartmentForm) {
			assert.Equal(t, 2024, f.Year)
		}},
		{"CRLF line ends", "\n", "\r\n", func(t *testing.T, f *evaluation.DepartmentForm) {
			assert.Equal(t, "示例局", f.Department)
			assert.Len(t, f.Tasks[0].Indicators, 2)
		}},
		{"annotations ignored", "| 91.29% |", "| 91.29% ✖[1] ⚠[2] |", func(t *testing.T, f *evaluation.DepartmentForm) {
			assert.Equal(t, "91.29%", f.Funds.Reported.CompletionRate.String())
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := base
			if tt.old != "" {
				require.Contains(t, doc, tt.old)
				if tt.old == "\n" {
					doc = strings.ReplaceAll(doc, tt.old, tt.new)
				} else {
					doc = strings.Replace(doc, tt.old, tt.new, 1)
				}
			}
			tt.check(t, department(t, importString(t, doc)))
		})
	}
}

// A project form as the Ministry of Finance's template prints it, merged
// cells and all.
func TestImportProjectTemplate(t *testing.T) {
	const doc = `## 项目支出绩效自评表

（2024年度）

| 项目名称 | 道路养护 | | | | | | | | |
|---|---|---|---|---|---|---|---|---|---|
| 主管部门 | 交通局 | | | | 实施单位 | 养护中心 | | | |
| 项目资金（元） | | 年初预算数 | 全年预算数（A） | 全年执行数（B） | 分值 | 执行率（B/A） | 得分 | | |
| | 年度资金总额 | 1,000,000 | 1,200,000 | 1,080,000 | 10 | 90% | 9 | | |
| | 其中：当年财政拨款 | 1,000,000 | 1,000,000 | 900,000 | — | | — | | |
| | 上年结转资金 | | 200,000 | 180,000 | — | | — | | |
| | 其他资金 | | | | — | | — | | |
| 年度总体目标 | 预期目标 | | | | 实际完成情况 | | | | |
| | 养护道路50公里 | | | | 养护道路52公里 | | | | |
| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | |
| | 产出指标 | 数量指标 | 养护里程 | ≥50公里 | 52公里 | 30 | 30 | | |
| | | 质量指标 | 合格率 | ≥95% | 97% | 20 | 20 | | |
| | 效益指标 | 社会效益指标 | 通行时间 | 下降 | 下降 | 30 | 27 | | |
| | 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 92% | 10 | 10 | | |
| 总分 | | | | | | 100 | 96 | | |
`
	f := project(t, importString(t, doc))
	assert.Equal(t, "道路养护", f.Project)
	assert.Equal(t, "交通局", f.Department)
	assert.Equal(t, "养护中心", f.ImplementingUnit)
	assert.Equal(t, 2024, f.Year)
	assert.Equal(t, budget.Yuan, f.Unit)
	assert.Equal(t, "1200000.00", f.Funds.AdjustedBudget.String())
	assert.Equal(t, "10", f.Funds.Weight.String())
	assert.Equal(t, "90%", f.Funds.Reported.ExecutionRate.String())
	assert.Equal(t, "9", f.Funds.Reported.Score.String())
	require.Len(t, f.Funds.Sources, 3)
	assert.Equal(t, budget.CurrentAppropriation, f.Funds.Sources[0].Kind)
	assert.Equal(t, budget.PriorCarryover, f.Funds.Sources[1].Kind)
	assert.Nil(t, f.Funds.Sources[1].InitialBudget)
	assert.Equal(t, "180000.00", f.Funds.Sources[1].ActualExpenditure.String())
	assert.Equal(t, budget.OtherFunds, f.Funds.Sources[2].Kind)
	assert.Equal(t, []string{"养护道路50公里"}, f.Goals.Expected)
	assert.Equal(t, "养护道路52公里", f.Goals.Achieved)
	require.Len(t, f.Indicators, 4)
	assert.Equal(t, "产出指标", f.Indicators[1].Level1, "merged 一级指标 cell")
	assert.Equal(t, "质量指标", f.Indicators[1].Level2)
	assert.Equal(t, "≥95%", f.Indicators[1].Target)
	assert.Equal(t, "27", f.Indicators[2].Score.String())
	assert.Equal(t, "96", f.Reported.TotalScore.String())

	r := evaluation.Evaluate(f, nil)
	assert.Equal(t, "90.00%", r.Figures.ExecutionRate.String())
}

const projectDoc = `项目支出绩效自评表

| 项目名称 | x | | | | | | |
|---|---|---|---|---|---|---|---|
| 项目资金 | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| | 年度资金总额 | 100 | 100 | 95 | 10 | 95% | 9.5 |
`

func TestImportErrors(t *testing.T) {
	seed := readSeed(t)
	huge := strings.Repeat("a", markdown.MaxFileSize+1)
	manyRows := "| 主要任务 | 预期目标 |\n|---|---|\n" + strings.Repeat("| 任务 | x |\n", markdown.MaxRows+1)
	tests := []struct {
		name     string
		doc      string
		sentinel error
		line     int
		looked   string
	}{
		{"empty", "", markdown.ErrNotAForm, 0, "a table with 部门调整预算收入 or 项目名称"},
		{"blank lines", "\n\n  \n", markdown.ErrNotAForm, 0, "a table with 部门调整预算收入 or 项目名称"},
		{"prose", "# Notes\n\nNothing to see.\n", markdown.ErrNotAForm, 0, "a table with 部门调整预算收入 or 项目名称"},
		{"a table of something else", "text\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", markdown.ErrNotAForm, 3, "a table with 部门调整预算收入 or 项目名称"},
		{"title but no form table", "部门整体支出绩效自评表\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", markdown.ErrNotAForm, 3, "a table with 部门名称, 部门调整预算收入 or 主要任务"},
		{"NUL byte", "| 部门名称 | x |\n\x00\x01", markdown.ErrNotAForm, 2, ""},
		{"not UTF-8", "| 部门名称 | \xff\xfe |", markdown.ErrNotAForm, 1, ""},
		{"too large", huge, markdown.ErrLimit, 0, ""},
		{"too many cells", "|" + strings.Repeat(" x |", markdown.MaxCells+1), markdown.ErrLimit, 1, ""},
		{"too many rows", manyRows, markdown.ErrLimit, markdown.MaxRows + 2, ""},
		{"amount not a number", strings.Replace(seed, "| 2395.15 |", "| 约两千万 |", 1), markdown.ErrMalformed, 9, ""},
		{"amount with exponent", strings.Replace(seed, "| 2395.15 |", "| 1e999999999 |", 1), markdown.ErrMalformed, 9, ""},
		{"year out of range", strings.Replace(seed, "| 2021年 |", "| 9999年 |", 1), markdown.ErrMalformed, 7, ""},
		{"figure twice", strings.Replace(seed, "| | 预算完成率 | 99.99% |", "| | 预算完成率 | 99.99% |\n| | 预算完成率 | 99.98% |", 1), markdown.ErrMalformed, 13, ""},
		{"unknown source", strings.Replace(seed, "其中：一般公共预算", "其中：神秘资金", 1), markdown.ErrMalformed, 11, ""},
		{"bad rate", strings.Replace(seed, "| 17.48% |", "| 约17% |", 1), markdown.ErrMalformed, 12, ""},
		{"project: unknown funds row", projectDoc + "| | 神秘合计 | 1 | 2 | 3 | | | |\n", markdown.ErrMalformed, 7, ""},
		{"project: total twice", projectDoc + "| | 合计 | 1 | 2 | 3 | | | |\n", markdown.ErrMalformed, 7, ""},
		{"project: negative weight", strings.Replace(projectDoc, "| 10 | 95% |", "| -10 | 95% |", 1), markdown.ErrMalformed, 6, ""},
		{"project: total twice", projectDoc + "| 总分 | | 90 |\n| 总分 | | 91 |\n", markdown.ErrMalformed, 8, ""},
		{"project: funds without headers", "| 项目名称 | x |\n|---|---|\n| 项目资金 | |\n| | 年度资金总额 | 1 |\n", markdown.ErrMalformed, 4, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := markdown.Import("doc.md", []byte(tt.doc))
			require.Error(t, err)
			assert.Nil(t, f)
			var ie *markdown.ImportError
			require.ErrorAs(t, err, &ie)
			assert.ErrorIs(t, err, tt.sentinel)
			assert.Equal(t, "doc.md", ie.File)
			assert.Equal(t, tt.line, ie.Line, "line")
			assert.Equal(t, tt.looked, ie.Looked)
			prefix := "doc.md: "
			if tt.line > 0 {
				prefix = "doc.md:" + strconv.Itoa(tt.line) + ": "
			}
			assert.True(t, strings.HasPrefix(err.Error(), prefix), "%q should start with %q", err.Error(), prefix)
		})
	}
}

// A value its label cannot take names the label, the cell and why.
func TestImportErrorNamesTheCell(t *testing.T) {
	seed := readSeed(t)
	_, err := markdown.Import("x.md", []byte(strings.Replace(seed, "| 2395.15 |", "| 23,95.15 |", 1)))
	assert.ErrorIs(t, err, markdown.ErrMalformed)
	assert.Contains(t, err.Error(), "x.md:9: malformed form: column 3 \"23,95.15\": 部门调整预算收入: not an amount")
	assert.Contains(t, err.Error(), "misplaced thousands separator")
}

func TestImportErrorMessage(t *testing.T) {
	e := &markdown.ImportError{File: "a.md", Line: 3, Looked: "项目名称", Err: markdown.ErrNotAForm}
	assert.Equal(t, "a.md:3: not a form (looked for 项目名称)", e.Error())
	e = &markdown.ImportError{Err: errors.New("x")}
	assert.Equal(t, "<input>: x", e.Error())
}

// Import never modifies its input.
func TestImportLeavesDataAlone(t *testing.T) {
	data := []byte(readSeed(t))
	before := string(data)
	_, err := markdown.Import("seed.md", data)
	require.NoError(t, err)
	assert.Equal(t, before, string(data))
}

// Documents near MaxFileSize built to cost the most are refused quickly,
// with ErrLimit, whatever their shape.
func TestImportLargeInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 4 MiB documents")
	}
	const size = markdown.MaxFileSize - 100
	tests := []struct {
		name string
		doc  string
	}{
		{"empty paragraphs", "| 部门名称 | " + strings.Repeat("<p></p>", size/8) + " |"},
		{"many paragraphs", "| 部门整体绩效 | " + strings.Repeat("<p>a</p>", size/9) + " |"},
		{"unclosed tags", "| 部门名称 | " + strings.Repeat("<p ", size/3-10) + " |"},
		{"wide rows", strings.Repeat("| 任务 "+strings.Repeat("| xxxxxxxxxxxxxxx ", 60)+"|\n", size/1100)},
		{"pipes", strings.Repeat("|", size)},
		{"escapes", "| 部门名称 | " + strings.Repeat(`\|`, size/2-20) + " |"},
		{"entities", "| 部门名称 | " + strings.Repeat("&amp;", size/5-10) + " |"},
		{"markers", "| 部门名称 | " + strings.Repeat(" ⚠[1]", size/8) + " x |"},
		{"lines", strings.Repeat("注：\n", size/7)},
		{"text continued page after page", "| 部门整体绩效 | x |\n" + strings.Repeat("\n| | "+strings.Repeat("y", 2000)+" |\n", 1990)},
		{"goals", "| 年度目标 | 预期目标 |\n" + strings.Repeat("| | "+strings.Repeat("<p>g</p>", 1000)+" |\n", 400)},
		{"indicators", "| 主要任务 | 关键指标 | 指标完成情况 |\n| 任务1 | a | b |\n" + strings.Repeat("| | a | b |\n", 1500)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := markdown.Import("big.md", []byte(tt.doc))
			assert.ErrorIs(t, err, markdown.ErrLimit)
		})
	}
}
