package cli

import "testing"

func TestByteSize(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
	}{
		{"8388608", 8388608}, {"8MiB", 8 << 20}, {"8mib", 8 << 20}, {"8M", 8 << 20},
		{"512KiB", 512 << 10}, {"512k", 512 << 10}, {"1GiB", 1 << 30},
		{"20MB", 20e6}, {"20 MB", 20e6}, {"3kB", 3000}, {"100B", 100}, {"2GB", 2e9}, {"9223372036854775806", 9223372036854775806},
	} {
		var s byteSize
		if err := s.Set(c.in); err != nil || int64(s) != c.want {
			t.Errorf("Set(%q) = %d, %v; want %d", c.in, s, err, c.want)
		}
	}
	for _, in := range []string{"", "MiB", "-1", "0", "1.5MiB", "20XB", "9999999999GiB", "8 MiB extra", "9223372036854775807"} {
		var s byteSize
		if err := s.Set(in); err == nil {
			t.Errorf("Set(%q) = %d, want an error", in, s)
		}
	}
	for _, c := range []struct {
		in   byteSize
		want string
	}{{8 << 20, "8MiB"}, {512 << 10, "512KiB"}, {1 << 30, "1GiB"}, {100, "100"}, {20e6, "20000000"}} {
		if got := c.in.String(); got != c.want {
			t.Errorf("%d.String() = %q, want %q", int64(c.in), got, c.want)
		}
	}
}
