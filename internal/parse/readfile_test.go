package parse

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadFile reads regular files up to the size limit and reports
// the errors of os as os does.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, data, 0o644))
		return p
	}
	form := []byte("kind: project\nyear: 2021\n")
	tests := []struct {
		name    string
		path    string
		want    []byte
		wantErr error
	}{
		{"regular file", write("form.yaml", form), form, nil},
		{"empty file", write("empty.yaml", nil), []byte{}, nil},
		{"exactly the limit", write("limit.yaml", bytes.Repeat([]byte{'#'}, MaxFileSize)), bytes.Repeat([]byte{'#'}, MaxFileSize), nil},
		{"over the limit", write("big.yaml", make([]byte, MaxFileSize+1)), nil, ErrLimit},
		{"missing", filepath.Join(dir, "missing.yaml"), nil, fs.ErrNotExist},
		{"a folder", dir, nil, nil}, // an error, whichever the system gives
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadFile(tt.path, nil)
			switch {
			case tt.name == "a folder":
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.path)
			case tt.wantErr != nil:
				require.ErrorIs(t, err, tt.wantErr)
				if tt.wantErr != ErrLimit {
					assert.Contains(t, err.Error(), tt.path, "the error names the file")
				}
				assert.Nil(t, got)
			default:
				require.NoError(t, err)
				assert.Equal(t, len(tt.want), len(got))
				assert.True(t, bytes.Equal(tt.want, got))
			}
		})
	}
	t.Run("missing is a *fs.PathError as from os", func(t *testing.T) {
		_, err := ReadFile(filepath.Join(dir, "missing.yaml"), nil)
		var pe *fs.PathError
		require.True(t, errors.As(err, &pe))
		assert.Equal(t, "open", pe.Op)
	})
}
