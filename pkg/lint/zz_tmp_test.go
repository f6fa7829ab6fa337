package lint

import (
	"context"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/crlint/crlint/pkg/model"
)

func TestTmpPerRule(t *testing.T) {
	e, _ := New(context.Background(), Options{})
	src, _ := os.ReadFile(os.Getenv("MODEL"))
	doc := model.Load("m.toml", src)
	in, _ := inputValue(doc.Input)
	type rt struct {
		name string
		d    time.Duration
	}
	var out []rt
	for _, r := range e.queryRules {
		q, err := e.compiler.QueryCompiler().Compile(ast.MustParseBody("x = {f | some f in " + r.Package + ".report}"))
		if err != nil {
			t.Fatal(err)
		}
		txn, _ := e.store.NewTransaction(context.Background())
		start := time.Now()
		_, err = topdown.NewQuery(q).WithCompiler(e.compiler).WithStore(e.store).WithTransaction(txn).WithInput(ast.NewTerm(in)).Run(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, rt{r.Code + " " + r.Name, time.Since(start)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].d > out[j].d })
	for _, x := range out[:8] {
		t.Log(x.name, x.d)
	}
}
