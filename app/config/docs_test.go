package config

import (
	"os"
	"strings"
	"testing"
)

// TestEveryKeyDocumented keeps .env.example and the README's configuration
// table in step with Keys.
func TestEveryKeyDocumented(t *testing.T) {
	example, err := os.ReadFile("../../.env.example")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range Keys {
		if !strings.Contains(string(example), "#"+k.Name+"="+k.Default+"\n") {
			t.Errorf(".env.example lacks the line #%s=%s", k.Name, k.Default)
		}
		def := "`" + k.Default + "`"
		if k.Default == "" {
			def = "(empty)"
		}
		row := "| `" + k.Name + "` | " + def + " | " + k.Meaning + " |"
		if !strings.Contains(string(readme), row) {
			t.Errorf("README lacks the row %s", row)
		}
	}
}
