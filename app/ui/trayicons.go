package ui

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"sync"

	"github.com/whoiscalling/whoiscalling/assets"
)

// dotIcon is the app icon with a dot of colour c in a corner (the upper
// right one, or the lower right with low), made once per kind.
type dotIcon struct {
	once sync.Once
	png  []byte
	c    color.RGBA
	low  bool
}

var (
	missed  = &dotIcon{c: color.RGBA{0xd3, 0x2f, 0x2f, 0xff}}
	warning = &dotIcon{c: color.RGBA{0xf5, 0x9e, 0x0b, 0xff}, low: true}
)

// missedIcon is the app icon with a red dot: missed calls wait to be seen.
func missedIcon() []byte { return missed.get() }

// warningIcon is the app icon with an amber dot below: the path from
// sipgate, the sipgate account or the team has a problem.
func warningIcon() []byte { return warning.get() }

func (d *dotIcon) get() []byte {
	d.once.Do(func() {
		d.png = assets.Icon
		src, err := png.Decode(bytes.NewReader(assets.Icon))
		if err != nil {
			return
		}
		b := src.Bounds()
		img := image.NewRGBA(b)
		draw.Draw(img, b, src, b.Min, draw.Src)
		r := b.Dx() / 5
		cx, cy := b.Max.X-r-1, b.Min.Y+r+1
		if d.low {
			cy = b.Max.Y - r - 1
		}
		for y := cy - r; y <= cy+r; y++ {
			for x := cx - r; x <= cx+r; x++ {
				if (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r {
					img.Set(x, y, d.c)
				}
			}
		}
		var out bytes.Buffer
		if png.Encode(&out, img) == nil {
			d.png = out.Bytes()
		}
	})
	return d.png
}
