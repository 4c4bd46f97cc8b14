package markdown_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/markdown"
)

// FuzzImport: Import never panics; it returns a form or an *ImportError;
// it agrees with ImportResult's account; and a form it returns encodes in
// the file format and decodes back to a form that encodes the same.
func FuzzImport(f *testing.F) {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	for _, path := range []string{tianhePath, projectPath, "testdata/department-rich.yaml", "testdata/department-national.yaml",
		"../examples/cycle/declaration.yaml", "../examples/cycle/monitoring.yaml",
		"testdata/declaration-mistakes.yaml", "testdata/monitoring-mistakes.yaml"} {
		form, err := evaluation.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		var b bytes.Buffer
		if err := markdown.Render(&b, form, []evaluation.Finding{{Rule: "x", Path: "overall"}}); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes())
	}
	// The published declaration and monitoring forms, as published.
	cycle, err := filepath.Glob("testdata/cycle/[0-9]*.md")
	if err != nil {
		f.Fatal(err)
	}
	for _, path := range cycle {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, path := range []string{"testdata/department-evaluation-edge.yaml", "../rubric/testdata/worked/wanglu-2018.yaml"} {
		// A department evaluation, drawn by the rubric its form names
		// where it is built in, else by its rows alone.
		form, err := evaluation.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		var b bytes.Buffer
		if err := markdown.Render(&b, form, []evaluation.Finding{{Rule: "x", Path: "rubric"}}); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes())
	}
	for _, s := range []string{
		"",
		"| 部门名称 | x |\n",
		"项目支出绩效目标申报表\n| 项目资金申请 | 资金总额:16 | 其中 :上级资金16 |\n| | (一)财政拨款小计 | 1 |\n| | 1、一般公共预算 | 1 |\n",
		"| 项目 | 指标值 | 绩效金额 |\n|---|---|---|\n| &nbsp;局 | | |\n| &nbsp;&nbsp;项目 | | 1 |\n| &nbsp;&nbsp;&nbsp;指标 | 1% | |\n",
		"监控表\n| 项目资金 | | 年初预算数 | 1-6月执行数 |\n| | 年度资金总额 | 1 | 0.5 |\n| 绩效指标 | 一级指标 | 指标名称 | 偏差原因分析 | 完成目标可能性 |\n| | 产出 | a | b | 不可能 |\n",
		"部门整体支出绩效评价指标表\n| 一级指标 | 三级指标 | 得分 | 扣分原因 |\n|---|---|---|---|\n| 投入 | 在职人员控制率 | 8分 | 无 |\n| | 在职人员控制率 | x | |\n| 总分 | 1 | 2 |\n",
		"| 基础数据表 | 公用经费 | 预算数 | 1 |\n| | 预算数 | 2 |\n| 评价人判断 | 指标 | 检查项 |\n| | a/b | 是、也许 |\n",
		"| 项目名称 | x |\n|---|---|\n| 项目资金 | | 年初预算数 | 全年预算数 |\n| | 年度资金总额 | 1 | 2 |\n",
		"| 主要任务 | 预期目标 | 关键指标 | 指标完成情况 |\n| 任务1 | a | b | c |\n\n| | d | | e |\n",
		"| 重点项目绩效情况 | <p>名</p> <p>项目预算：1e9</p> |\n",
		"| a \\| b | <p><p></p></p> <br/> &amp;#x0; |",
		"注：重点项目 500万元\n| 部门资金情况 | 其中：其他 | 1 |",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// The account and the strict entry point agree: a complete
		// account's form is Import's, an incomplete one an error.
		res, rerr := markdown.ImportResult("fuzz.md", data)
		form, err := markdown.Import("fuzz.md", data)
		switch {
		case rerr != nil && err == nil:
			t.Fatalf("ImportResult failed (%v) and Import did not", rerr)
		case rerr == nil && len(res.Unplaced) == 0 && err != nil:
			t.Fatalf("every cell placed, yet Import failed: %v", err)
		case rerr == nil && len(res.Unplaced) > 0 && !errors.Is(err, markdown.ErrMalformed):
			t.Fatalf("cells unplaced, yet Import gave %v", err)
		}
		if err != nil {
			var ie *markdown.ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("error %T is not an *ImportError: %v", err, err)
			}
			if !errors.Is(err, markdown.ErrNotAForm) && !errors.Is(err, markdown.ErrMalformed) && !errors.Is(err, markdown.ErrLimit) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			return
		}
		enc, err := evaluation.Encode(form)
		if err != nil {
			t.Fatalf("Encode: %v", err)
		}
		back, err := evaluation.Decode("fuzz.yaml", enc)
		if err != nil {
			t.Fatalf("Decode of the encoded import: %v\n%s", err, enc)
		}
		again, err := evaluation.Encode(back)
		if err != nil {
			t.Fatalf("Encode again: %v", err)
		}
		if !bytes.Equal(enc, again) {
			t.Fatalf("encode/decode changed the form:\n%s\n---\n%s", enc, again)
		}
		// Rendering what was imported must not fail either.
		var b bytes.Buffer
		if err := markdown.Render(&b, form, nil); err != nil {
			t.Fatalf("Render: %v", err)
		}
	})
}
