package suggest

import "testing"

func TestClosest(t *testing.T) {
	known := []string{"adjusted_budget", "initial_budget", "improvements", "funds.completion-rate", "code", "year"}
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"adjusted_budgt", "adjusted_budget", true},
		{"improvments", "improvements", true},
		{"funds.completion_rate", "funds.completion-rate", true},
		{"something_else", "", false},
		{"bad1", "", false}, // three edits from code: no typo of it
		{"yaer", "year", true},
		{"cod", "code", true},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := Closest(tt.in, known)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Closest(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	if d := distance("预算完成率", "预算调整率"); d != 2 {
		t.Errorf("distance counts runes: got %d", d)
	}
}
