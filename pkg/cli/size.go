package cli

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// byteSize is a flag holding a number of bytes, written as a whole number
// with an optional unit: 8388608, 8MiB, 512KiB, 20MB. KiB, MiB and GiB are
// powers of 1024; kB, MB and GB powers of 1000. Units ignore case, and a
// bare K, M or G is the binary unit.
type byteSize int64

var sizeUnits = []struct {
	suffix string
	factor int64
}{
	{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30},
	{"kb", 1e3}, {"mb", 1e6}, {"gb", 1e9},
	{"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30}, {"b", 1},
}

func (s *byteSize) Set(text string) error {
	t := strings.ToLower(strings.TrimSpace(text))
	factor := int64(1)
	for _, u := range sizeUnits {
		if strings.HasSuffix(t, u.suffix) {
			t, factor = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.factor
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	// The readers ask for one byte past the limit, which must not wrap.
	if err != nil || n <= 0 || n > (math.MaxInt64-1)/factor {
		return fmt.Errorf("want a positive size in bytes, or with a unit: 8MiB, 512KiB, 20MB")
	}
	*s = byteSize(n * factor)
	return nil
}

func (s *byteSize) String() string {
	n := int64(*s)
	for _, u := range []struct {
		name   string
		factor int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n >= u.factor && n%u.factor == 0 {
			return strconv.FormatInt(n/u.factor, 10) + u.name
		}
	}
	return strconv.FormatInt(n, 10)
}

func (s *byteSize) Type() string { return "size" }
