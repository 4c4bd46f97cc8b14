package layout

import (
	"reflect"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/perfeval/perfeval/internal/vocab"
	"github.com/perfeval/perfeval/rubric"
)

// Every figure of the basic data has a label to draw and read it by and a
// place in rubric.Basic: a field added to Basic without them fails here.
func TestBasicLeavesCoverBasic(t *testing.T) {
	var fields []string
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		for i := range t.NumField() {
			f := t.Field(i)
			key := prefix + f.Tag.Get("yaml")
			if f.Type.Kind() == reflect.Struct {
				walk(f.Type, key+".")
				continue
			}
			fields = append(fields, key)
		}
	}
	walk(reflect.TypeFor[rubric.Basic](), "")
	var leaves []string
	for _, l := range vocab.BasicLeaves() {
		leaves = append(leaves, l.Key)
	}
	var ptrs []string
	for k, p := range basicPointers(&rubric.Basic{}) {
		ptrs = append(ptrs, k)
		assert.True(t, (p.amount == nil) != (p.count == nil), k)
	}
	sort.Strings(fields)
	sort.Strings(leaves)
	sort.Strings(ptrs)
	assert.Equal(t, fields, leaves)
	assert.Equal(t, fields, ptrs)
	for _, l := range vocab.BasicLeaves() {
		p := basicPointers(&rubric.Basic{})[l.Key]
		assert.Equal(t, l.Count, p.count != nil, "%s: a count is a number, not an amount", l.Key)
		g, ok := vocab.BasicGroupOf(l.Group)
		assert.True(t, ok, l.Group)
		back, ok := vocab.BasicLeafOf(g, l.Label)
		assert.True(t, ok, l.Label)
		assert.Equal(t, l.Key, back.Key)
	}
}

func TestSheetLevels(t *testing.T) {
	for _, tc := range []struct {
		path []string
		want [3]string
	}{
		{[]string{"a"}, [3]string{"", "", "a"}},
		{[]string{"a", "b"}, [3]string{"a", "", "b"}},
		{[]string{"a", "b", "c"}, [3]string{"a", "b", "c"}},
		{[]string{"a", "b", "c", "d"}, [3]string{"a", "b", "c/d"}},
	} {
		assert.Equal(t, tc.want, sheetLevels(tc.path))
	}
}

func TestReadChecks(t *testing.T) {
	got, why := readChecks("是、否，√ × true")
	assert.Nil(t, why)
	assert.Equal(t, []bool{true, false, true, false, true}, got)
	_, why = readChecks("是、也许")
	assert.NotNil(t, why)
	assert.Equal(t, "是、否、是", ChecksText([]bool{true, false, true}))
}
