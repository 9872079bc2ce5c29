package config

import (
	"errors"
	"fmt"
)

// Layer is one source of values, such as the environment or the saved
// settings. Get returns the value of key and whether the layer sets it.
type Layer struct {
	Name string
	Get  func(key string) (string, bool)
}

// MapLayer is a Layer over a map.
func MapLayer(name string, m map[string]string) Layer {
	return Layer{Name: name, Get: func(k string) (string, bool) {
		v, ok := m[k]
		return v, ok
	}}
}

// Load builds the Config from layers, first layer first: the first layer
// that sets a key wins, and a key no layer sets takes its default. Every
// bad value is reported, each as a ValueError naming the key and what it
// accepts.
func Load(layers ...Layer) (Config, error) {
	c := Config{Source: map[string]string{}}
	var errs []error
	for _, k := range Keys {
		v, src := k.Default, SourceDefault
		for _, l := range layers {
			if lv, ok := l.Get(k.Name); ok {
				v, src = lv, l.Name
				break
			}
		}
		c.Source[k.Name] = src
		if err := k.apply(&c, v); err != nil {
			errs = append(errs, &ValueError{Key: k.Name, Value: v, Want: err.Error() + fmt.Sprintf(" (set in %s)", src)})
		}
	}
	return c, errors.Join(errs...)
}

// Check validates one value for key, as the Settings window does while the
// person types. It returns nil or a ValueError.
func Check(key, value string) error {
	for _, k := range Keys {
		if k.Name == key {
			var c Config
			if err := k.apply(&c, value); err != nil {
				return &ValueError{Key: key, Value: value, Want: err.Error()}
			}
			return nil
		}
	}
	return fmt.Errorf("%s: %w", key, errNoKey)
}
