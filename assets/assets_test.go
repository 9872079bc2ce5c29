package assets

import (
	"bytes"
	"image/png"
	"testing"
)

func TestIconsArePNG(t *testing.T) {
	for name, b := range map[string][]byte{"Icon": Icon, "IconDown": IconDown, "IconDND": IconDND} {
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("png.Decode(%s) = %v, want a PNG", name, err)
		}
		if r := img.Bounds(); r.Dx() != 256 || r.Dy() != 256 {
			t.Errorf("%s size = %v, want 256×256", name, r.Size())
		}
	}
	if !bytes.Contains(IconSVG, []byte("<svg")) {
		t.Errorf("IconSVG does not hold an <svg> element")
	}
}
