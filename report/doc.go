// Package report writes evaluation reports for people and programs: JSON
// Lines exactly as SPEC §6 gives them, and text for a terminal. It sits
// above evaluation and below the command, so a service can produce the
// same output the perfeval command does.
package report
