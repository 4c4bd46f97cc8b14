package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"syscall"

	"github.com/perfeval/perfeval/evaluation"
)

// The command's own words (its usage, its flags' help, its usage errors,
// a failed write) are in the language the run asks for, like the reports:
// -lang en anywhere among a subcommand's arguments makes them English,
// otherwise they are Chinese. The language is read before the flags are
// parsed, so even an error in the flags is said in it.

// argsLang returns the language the arguments ask for: English when they
// hold -lang en (or -lang=en, --lang …), else Chinese.
func argsLang(args []string) evaluation.Lang {
	for i, a := range args {
		if a == "--" {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			continue
		}
		if !hasValue && i+1 < len(args) {
			value = args[i+1]
		}
		if value == "en" {
			return evaluation.English
		}
		return evaluation.Chinese
	}
	return evaluation.Chinese
}

// say picks the words of lang.
func say(lang evaluation.Lang, zh, en string) string {
	if lang == evaluation.English {
		return en
	}
	return zh
}

// newFlags returns a subcommand's flag set. Parse errors are said by
// parseFlags in lang; the flag package's own English is kept out.
func newFlags(name string) *flag.FlagSet {
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	return fl
}

// parseFlags parses fl from args. On -h it writes the subcommand's usage
// and flags to stdout and returns exitOK with ok false; on an error it
// says what is wrong in lang, with the usage, and returns exitUsage.
func parseFlags(fl *flag.FlagSet, args []string, lang evaluation.Lang, stdout, stderr io.Writer) (code int, ok bool) {
	err := fl.Parse(args)
	switch {
	case err == nil:
		return exitOK, true
	case errors.Is(err, flag.ErrHelp):
		printHelp(stdout, fl, lang)
		return exitOK, false
	}
	diag(stderr, "perfeval %s: %s", fl.Name(), flagError(err, lang))
	fmt.Fprint(stderr, usageText(lang))
	return exitUsage, false
}

// printHelp writes the usage and the subcommand's flags with their help.
func printHelp(w io.Writer, fl *flag.FlagSet, lang evaluation.Lang) {
	fmt.Fprint(w, usageText(lang))
	fmt.Fprintf(w, "%s %s:\n", say(lang, "选项", "flags of"), fl.Name())
	fl.SetOutput(w)
	fl.PrintDefaults()
	fl.SetOutput(io.Discard)
}

var invalidFlagValue = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for (?:flag )?-([^:]+):`)

// flagError is an error of the flag package in lang.
func flagError(err error, lang evaluation.Lang) string {
	s := err.Error()
	if lang == evaluation.English {
		return s
	}
	if rest, ok := strings.CutPrefix(s, "flag provided but not defined: "); ok {
		return "没有选项 " + rest
	}
	if rest, ok := strings.CutPrefix(s, "flag needs an argument: "); ok {
		return "选项 " + rest + " 需要一个值"
	}
	if m := invalidFlagValue.FindStringSubmatch(s); m != nil {
		return "选项 -" + m[2] + " 的值 " + quote(m[1]) + " 无法读取"
	}
	if rest, ok := strings.CutPrefix(s, "bad flag syntax: "); ok {
		return "选项写法不对：" + rest
	}
	return s
}

// writeFailure says why the output could not be written, in lang.
func writeFailure(err error, lang evaluation.Lang) string {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return say(lang, "输出无法写出：磁盘已满", "cannot write the output: no space left on the device")
	case errors.Is(err, syscall.EPIPE), errors.Is(err, os.ErrClosed), errors.Is(err, syscall.EBADF):
		return say(lang, "输出无法写出：输出已关闭", "cannot write the output: it is closed")
	}
	return say(lang, "输出无法写出（"+err.Error()+"）", "cannot write the output: "+err.Error())
}

const usageZh = `用法：
  perfeval evaluate [-profile 规则配置 | -rules 规则文件] [-rubric 评分办法文件] [-format text|json|markdown|html] [-lang zh|en] 路径...
  perfeval render   [-format markdown|html] [-annotate] [-profile 规则配置 | -rules 规则文件] [-rubric 评分办法文件] [-lang zh|en] 文件
  perfeval rules    [-profile 规则配置 | -rules 规则文件] [-format text|json|markdown] [-lang zh|en]
  perfeval import   [-o 文件] [-from md|xlsx] [-rubric 评分办法文件] [-lang zh|en] 文件.md|文件.xlsx|-
  perfeval export   [-rubric 评分办法文件] [-lang zh|en] -o 文件.xlsx 文件
  perfeval version
路径是表单文件、表单所在的文件夹，或 -（标准输入）。-rubric 给出部门整体支出绩效评价
表据以评分、绘制和读入的评分办法。
`

// usageText is the command's usage in lang.
func usageText(lang evaluation.Lang) string { return say(lang, usageZh, usage) }
