package rubric_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/perfeval/perfeval/rubric"
)

func BenchmarkScore(b *testing.B) {
	r, err := rubric.Builtin("yueyang-2018")
	if err != nil {
		b.Fatal(err)
	}
	in := department(11)
	b.ReportAllocs()
	for b.Loop() {
		_ = r.Score(in)
	}
}

func BenchmarkScoreJSON(b *testing.B) {
	r, err := rubric.Builtin("yueyang-2018")
	if err != nil {
		b.Fatal(err)
	}
	in := department(11)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(r.Score(in)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile("builtin/yueyang-2018.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rubric.Parse("yueyang-2018.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}
