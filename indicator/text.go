package indicator

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// The value types of this package read and write their printed text, so
// encoding/json shows them as the file format and the JSON report name
// them ("higher", "partly-met", "产出指标", "≥95%").

// ErrUnknownName: text that names no Kind, Status or Level.
var ErrUnknownName = errors.New("unknown name")

// ParseKind reads a kind as String writes it ("quantity", …).
func ParseKind(s string) (Kind, error) {
	for i, name := range kindNames {
		if s == name {
			return Kind(i), nil
		}
	}
	return Empty, fmt.Errorf("indicator: kind %q: %w", s, ErrUnknownName)
}

// MarshalText writes the kind as String does.
func (k Kind) MarshalText() ([]byte, error) {
	if k < 0 || int(k) >= len(kindNames) {
		return nil, fmt.Errorf("indicator: kind %d: %w", int8(k), ErrUnknownName)
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText reads a kind with ParseKind.
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := ParseKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// ParseStatus reads a status as String writes it: "unknown", "met",
// "partly-met" or "not-met".
func ParseStatus(s string) (Status, error) {
	for i, name := range statusNames {
		if s == name {
			return Status(i), nil
		}
	}
	return Unknown, fmt.Errorf("indicator: status %q: %w", s, ErrUnknownName)
}

// MarshalText implements encoding.TextMarshaler with the names of String.
func (s Status) MarshalText() ([]byte, error) {
	if s < 0 || int(s) >= len(statusNames) {
		return nil, fmt.Errorf("indicator: status %d: %w", int8(s), ErrUnknownName)
	}
	return []byte(statusNames[s]), nil
}

// UnmarshalText reads a status with ParseStatus.
func (s *Status) UnmarshalText(b []byte) error {
	v, err := ParseStatus(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// MarshalText writes the level as printed on the form ("产出指标"), and
// LevelUnknown as "".
func (l Level) MarshalText() ([]byte, error) {
	if l < 0 || int(l) >= len(levelNames) {
		return nil, fmt.Errorf("indicator: level %d: %w", int8(l), ErrUnknownName)
	}
	return []byte(levelNames[l]), nil
}

// UnmarshalText reads a level as ParseLevel does ("产出指标", "产出",
// "产出指标(50分)"); "" is LevelUnknown. A name that is not a level-one
// indicator is an error.
func (l *Level) UnmarshalText(b []byte) error {
	if strings.TrimSpace(string(b)) == "" {
		*l = LevelUnknown
		return nil
	}
	v, _, _, _ := ParseLevel(string(b))
	if v == LevelUnknown {
		return fmt.Errorf("indicator: level %q: %w", string(b), ErrUnknownName)
	}
	*l = v
	return nil
}

// MarshalText writes the value as it was written on the form.
func (v Value) MarshalText() ([]byte, error) { return []byte(v.raw), nil }

// UnmarshalText reads a value as Parse does; it never fails.
func (v *Value) UnmarshalText(b []byte) error {
	*v = Parse(string(b))
	return nil
}

// MarshalJSON writes the assessment with its status and direction by
// name, its numbers exactly, and its reason as text: {"status":"met",
// "direction":"higher","quantitative":true,"target":"95","actual":"98.7",
// "unit":"%"}.
func (a Assessment) MarshalJSON() ([]byte, error) {
	type out struct {
		Status       Status    `json:"status"`
		Direction    Direction `json:"direction"`
		Quantitative bool      `json:"quantitative"`
		Target       *string   `json:"target,omitempty"`
		Actual       *string   `json:"actual,omitempty"`
		Unit         string    `json:"unit,omitempty"`
		Reason       string    `json:"reason,omitempty"`
	}
	o := out{Status: a.Status, Direction: a.Direction, Quantitative: a.Quantitative, Unit: a.Unit}
	if a.Quantitative {
		t, x := a.Target.String(), a.Actual.String()
		o.Target, o.Actual = &t, &x
	}
	if a.Reason != nil {
		o.Reason = a.Reason.Error()
	}
	return json.Marshal(o)
}
