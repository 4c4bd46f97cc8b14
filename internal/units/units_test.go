package units

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestTables(t *testing.T) {
	seen := map[string]bool{}
	for _, u := range InText() {
		assert.False(t, seen[u], "%s listed twice", u)
		seen[u] = true
	}
	for a, u := range aliases {
		assert.True(t, seen[u] || u == "%", "alias %s means %s, which is no known unit", a, u)
	}
	for u, c := range classes {
		assert.Equal(t, c, Class(u))
		assert.Equal(t, c, Class(c), "a class names itself")
	}
	// Callers get copies: changing one changes nothing here.
	k := Known()
	k[0] = "x"
	assert.Equal(t, "%", Known()[0])
	s := Scales()
	s[0].Exp = 0
	assert.Equal(t, int32(6), Scales()[0].Exp)
}
