//go:build unix

package render_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/crlint/crlint/pkg/render"
)

const chromium = "/usr/bin/chromium"

// chromiumFlags start Chromium headless, offline and with a throw-away
// profile; docs/render.md uses the same flags for docs/canvas.png.
func chromiumFlags(profile, png, page string) []string {
	return []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking",
		"--disable-component-update", "--disable-sync",
		"--user-data-dir=" + profile, "--window-size=1280,800",
		"--screenshot=" + png, "file://" + page,
	}
}

// TestScreenshotIsNotBlank opens the HTML canvas in headless Chromium and
// checks that what it draws is a canvas: many colours, mostly not
// background, and the red of an error somewhere.
func TestScreenshotIsNotBlank(t *testing.T) {
	if _, err := os.Stat(chromium); err != nil {
		// .ci/run installs Chromium and sets CRLINT_CI: there the test
		// must run, never skip.
		if os.Getenv("CRLINT_CI") != "" {
			t.Fatalf("%s is not installed, and CRLINT_CI is set", chromium)
		}
		t.Skipf("%s is not installed (apt-get install chromium)", chromium)
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "canvas.html")
	var buf bytes.Buffer
	c := loadCanvas(t, "testdata/findings.toml", "testdata/findings.json", render.Options{})
	if err := render.Render(&buf, render.HTML, c); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "canvas.png")

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, chromiumFlags(filepath.Join(dir, "profile"), shot, page)...)
	// Chromium starts helper processes; on timeout, end the whole group.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	cmd.Env = append(os.Environ(), "HOME="+dir)
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	start := time.Now()
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, log.Bytes())
	}
	t.Logf("chromium took %v", time.Since(start).Round(time.Millisecond))

	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v\n%s", err, log.Bytes())
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 800 {
		t.Errorf("screenshot is %dx%d, want 1280x800", b.Dx(), b.Dy())
	}
	st := pixelStats(img)
	t.Logf("%d distinct colours, %.1f%% non-white, %.1f%% not page background, %d error-red pixels",
		st.colours, 100*st.nonWhite, 100*st.nonBackground, st.red)
	if st.colours < 64 {
		t.Errorf("only %d distinct colours: the page looks blank", st.colours)
	}
	// A canvas is mostly white blocks on a grey page with text and badges:
	// about 30% of pixels are not white. A blank page has none.
	if st.nonWhite < 0.1 {
		t.Errorf("only %.1f%% of pixels are not white", 100*st.nonWhite)
	}
	if st.nonBackground < 0.1 {
		t.Errorf("only %.1f%% of pixels differ from the most common colour", 100*st.nonBackground)
	}
	if st.red < 50 {
		t.Errorf("%d pixels in the error red: findings are not drawn", st.red)
	}
}

type stats struct {
	colours                 int
	nonWhite, nonBackground float64
	red                     int
}

func pixelStats(img image.Image) stats {
	b := img.Bounds()
	counts := map[[3]uint8]int{}
	var st stats
	nonWhite := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			px := [3]uint8{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8)}
			counts[px]++
			if px != [3]uint8{255, 255, 255} {
				nonWhite++
			}
			// #dc2626, the error colour, give or take anti-aliasing.
			if near(px[0], 0xdc) && near(px[1], 0x26) && near(px[2], 0x26) {
				st.red++
			}
		}
	}
	total := b.Dx() * b.Dy()
	most := 0
	for _, n := range counts {
		most = max(most, n)
	}
	st.colours = len(counts)
	st.nonWhite = float64(nonWhite) / float64(total)
	st.nonBackground = float64(total-most) / float64(total)
	return st
}

func near(a, b uint8) bool {
	d := int(a) - int(b)
	return d > -24 && d < 24
}
