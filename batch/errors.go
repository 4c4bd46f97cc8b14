package batch

import (
	"fmt"

	"github.com/perfeval/perfeval/evaluation"
)

func limitError(size int64) error {
	return fmt.Errorf("%w: file of %d bytes, larger than %d", evaluation.ErrLimit, size, evaluation.MaxFileSize)
}
