package fix

import (
	"bytes"
	"fmt"
	"io"
)

// contextLines is how many unchanged lines surround a change, as diff -u
// shows them.
const contextLines = 3

// Diff writes a unified diff from old to new for file name, with git's a/
// and b/ prefixes (apply it with patch -p1 or git apply). Fixes never add
// or remove a line break, so old and new have the same lines and the diff
// compares them line by line. It writes nothing when they are equal.
func Diff(w io.Writer, name string, old, new []byte) error {
	a, b := splitLines(old), splitLines(new)
	if len(a) != len(b) {
		return fmt.Errorf("%s: a fix changed the number of lines", name)
	}
	var changed []int
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			changed = append(changed, i)
		}
	}
	if len(changed) == 0 {
		return nil
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, "--- a/%s\n+++ b/%s\n", name, name)
	for i := 0; i < len(changed); {
		// A hunk runs on while the next change is within two contexts.
		j := i
		for j+1 < len(changed) && changed[j+1]-changed[j] <= 2*contextLines {
			j++
		}
		first := max(changed[i]-contextLines, 0)
		last := min(changed[j]+contextLines, len(a)-1)
		n := last - first + 1
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(first, n), hunkRange(first, n))
		for k := first; k <= last; {
			if bytes.Equal(a[k], b[k]) {
				writeLine(&out, ' ', a[k])
				k++
				continue
			}
			end := k
			for end <= last && !bytes.Equal(a[end], b[end]) {
				end++
			}
			for m := k; m < end; m++ {
				writeLine(&out, '-', a[m])
			}
			for m := k; m < end; m++ {
				writeLine(&out, '+', b[m])
			}
			k = end
		}
		i = j + 1
	}
	_, err := w.Write(out.Bytes())
	return err
}

// hunkRange is "start,count" with a 1-based start.
func hunkRange(first, n int) string {
	if n == 1 {
		return fmt.Sprint(first + 1)
	}
	return fmt.Sprintf("%d,%d", first+1, n)
}

// writeLine writes one diff line; a last line without a line break is
// marked as diff marks it.
func writeLine(out *bytes.Buffer, prefix byte, line []byte) {
	out.WriteByte(prefix)
	out.Write(line)
	if !bytes.HasSuffix(line, []byte("\n")) {
		out.WriteString("\n\\ No newline at end of file\n")
	}
}

// splitLines splits b after each '\n', keeping the line breaks.
func splitLines(b []byte) [][]byte {
	var lines [][]byte
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			lines = append(lines, b)
			break
		}
		lines = append(lines, b[:i+1])
		b = b[i+1:]
	}
	return lines
}
