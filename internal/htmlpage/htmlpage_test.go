package htmlpage

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOpenEscapesTheTitle(t *testing.T) {
	var b strings.Builder
	require.NoError(t, Open(&b, Head{Lang: LangTag("en"), Title: `<script>alert(1)</script> & 部门`, Class: "report"}))
	require.NoError(t, Close(&b))
	out := b.String()
	assert.Contains(t, out, `<html lang="en">`)
	assert.Contains(t, out, `<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 部门</title>`)
	assert.Contains(t, out, `<body class="report">`)
	assert.Contains(t, out, "table.form {")
	assert.NotContains(t, out, "<script>")
	assert.True(t, strings.HasSuffix(out, "</html>\n"))
}

func TestLangTag(t *testing.T) {
	assert.Equal(t, "en", LangTag("en"))
	assert.Equal(t, "zh-CN", LangTag("zh"))
	assert.Equal(t, "zh-CN", LangTag(""))
}
