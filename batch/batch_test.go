package batch_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/perfeval/perfeval/batch"
	"github.com/perfeval/perfeval/evaluation"
	"github.com/perfeval/perfeval/rules"
)

func TestMapKeepsOrder(t *testing.T) {
	in := slices.Values([]int{5, 1, 4, 2, 3, 0, 9, 7, 8, 6})
	var got []int
	for out := range batch.Map(context.Background(), in, 4, func(_ context.Context, n int) int {
		time.Sleep(time.Duration(n) * time.Millisecond) // finish out of order
		return n * 10
	}) {
		got = append(got, out)
	}
	assert.Equal(t, []int{50, 10, 40, 20, 30, 0, 90, 70, 80, 60}, got)
}

// At most 2 × workers inputs (chunks of inputs for MapChunked) are taken
// ahead of the consumer, whatever the number of inputs.
func TestMapBoundsInFlight(t *testing.T) {
	for _, chunk := range []int{1, 16} { // 1: Map itself
		t.Run(fmt.Sprintf("chunk=%d", chunk), func(t *testing.T) {
			var taken, yielded atomic.Int64
			inputs := func(yield func(int) bool) {
				for i := range 100000 {
					taken.Add(1)
					if !yield(i) {
						return
					}
				}
			}
			const workers = 3
			var maxAhead int64
			for range batch.MapChunked(context.Background(), inputs, workers, chunk, func(_ context.Context, n int) int { return n }) {
				y := yielded.Add(1)
				maxAhead = max(maxAhead, taken.Load()-y)
			}
			assert.Equal(t, int64(100000), yielded.Load())
			assert.LessOrEqual(t, maxAhead, int64((2*workers+workers+2)*chunk))
		})
	}
}

func TestMapCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	for range batch.Map(ctx, func(yield func(int) bool) {
		for i := 0; ; i++ {
			if !yield(i) {
				return
			}
		}
	}, 2, func(_ context.Context, n int) int { return n }) {
		n++
		if n == 100 {
			cancel()
		}
	}
	assert.GreaterOrEqual(t, n, 100)
	assert.Less(t, n, 100+10, "stops soon after the cancel")
}

func TestMapBreakStopsWorkers(t *testing.T) {
	before := runtime.NumGoroutine()
	for out := range batch.Map(context.Background(), slices.Values(make([]int, 1000)), 4, func(_ context.Context, n int) int { return n }) {
		_ = out
		break
	}
	// Polled here, not with assert.Eventually, whose own goroutine counts.
	for deadline := time.Now().Add(2 * time.Second); runtime.NumGoroutine() > before && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
	}
	assert.LessOrEqual(t, runtime.NumGoroutine(), before, "workers and feeder have exited")
}

// MapChunked yields every result once, in input order, whatever the
// chunk size and however the count divides into chunks.
func TestMapChunkedKeepsOrder(t *testing.T) {
	for _, n := range []int{0, 1, 15, 16, 17, 100} {
		for _, chunk := range []int{0, 1, 2, 16, 200} {
			t.Run(fmt.Sprintf("n=%d/chunk=%d", n, chunk), func(t *testing.T) {
				want := make([]int, n)
				in := make([]int, n)
				for i := range in {
					in[i] = (i * 7) % 5 // finish out of order
					want[i] = in[i]*10 + i*1000
				}
				var got []int
				idx := 0
				for out := range batch.MapChunked(context.Background(), slices.Values(in), 3, chunk, func(_ context.Context, v int) int {
					time.Sleep(time.Duration(v) * 100 * time.Microsecond)
					return v * 10
				}) {
					got = append(got, out+idx*1000)
					idx++
				}
				if n == 0 {
					assert.Empty(t, got)
					return
				}
				assert.Equal(t, want, got)
			})
		}
	}
}

// After a cancel, what was yielded is a prefix of the results: no gap.
func TestMapChunkedCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var got []int
	for v := range batch.MapChunked(ctx, func(yield func(int) bool) {
		for i := 0; ; i++ {
			if !yield(i) {
				return
			}
		}
	}, 2, 8, func(_ context.Context, n int) int { return n }) {
		got = append(got, v)
		if len(got) == 100 {
			cancel()
		}
	}
	require.GreaterOrEqual(t, len(got), 100)
	assert.Less(t, len(got), 100+3*2*8+8, "stops soon after the cancel")
	for i, v := range got {
		require.Equal(t, i, v, "a prefix, in order")
	}
}

func TestMapChunkedBreakStopsWorkers(t *testing.T) {
	before := runtime.NumGoroutine()
	for out := range batch.MapChunked(context.Background(), slices.Values(make([]int, 1000)), 4, 16, func(_ context.Context, n int) int { return n }) {
		_ = out
		break
	}
	for deadline := time.Now().Add(2 * time.Second); runtime.NumGoroutine() > before && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
	}
	assert.LessOrEqual(t, runtime.NumGoroutine(), before, "workers and feeder have exited")
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile("../examples/tianhe2021/form.yaml")
	require.NoError(t, err)
	var names []string
	for i := range 20 {
		p := filepath.Join(dir, fmt.Sprintf("f%02d.yaml", i))
		data := good
		if i == 7 {
			data = []byte("kind: nope\n")
		}
		require.NoError(t, os.WriteFile(p, data, 0o644))
		names = append(names, p)
	}
	names = append(names, filepath.Join(dir, "missing.yaml"))
	set := rules.Guangzhou2021Profile()
	for _, chunk := range []int{0, 4, 16} {
		var results []batch.Result
		for r := range batch.Files(context.Background(), slices.Values(names), batch.Options{Workers: 3, Chunk: chunk, Checker: set}) {
			results = append(results, r)
		}
		require.Len(t, results, 21)
		for i, r := range results {
			assert.Equal(t, names[i], r.Name)
			switch i {
			case 7:
				assert.ErrorIs(t, r.Err, evaluation.ErrKind)
			case 20:
				assert.True(t, errors.Is(r.Err, os.ErrNotExist))
			default:
				require.NoError(t, r.Err)
				assert.Equal(t, "99.99%", r.Report.Figures.CompletionRate.String())
				assert.Len(t, r.Report.Findings, 3)
			}
		}
	}
}

func ExampleFiles() {
	names := slices.Values([]string{"../examples/tianhe2021/form.yaml", "../examples/project/form.yaml"})
	opt := batch.Options{Checker: rules.Guangzhou2021Profile()}
	for r := range batch.Files(context.Background(), names, opt) {
		fmt.Println(r.Report.Header.Name, r.Report.Counts())
	}
	// Output:
	// 中国共产党广州市天河区委员会政法委员会 {0 1 2}
	// 智慧校园建设 {0 1 0}
}

// MapChunked with a work of one's own: here, a service that has its forms
// in memory and wants only each one's completion or execution rate, on
// every core, in order, sixteen forms to a worker at a time.
func ExampleMapChunked() {
	docs := []batch.Document{
		{Name: "a.yaml", Data: []byte("kind: project-self-evaluation\nproject: 甲\nfunds: {adjusted_budget: 200, actual_expenditure: 150}\n")},
		{Name: "b.json", Data: []byte(`{"kind": "project-self-evaluation", "project": "乙", "funds": {"adjusted_budget": "3", "actual_expenditure": "2"}}`)},
		{Name: "c.yaml", Data: []byte("kind: project-self-evaluation\nproject: 丙\nfunds: {adjusted_budget: 0}\n")},
	}
	rate := func(_ context.Context, d batch.Document) string {
		form, err := evaluation.Decode(d.Name, d.Data)
		if err != nil {
			return err.Error()
		}
		rep := evaluation.Evaluate(form, nil)
		if r := rep.Figures.ExecutionRate; r != nil {
			return r.String()
		}
		return "undefined" // a zero budget: no rate, never 0%
	}
	for out := range batch.MapChunked(context.Background(), slices.Values(docs), 0, 16, rate) {
		fmt.Println(out)
	}
	// Output:
	// 75.00%
	// 66.67%
	// undefined
}
