package cli

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/crlint/crlint/pkg/model"
)

// newSchemaCommand prints the JSON Schema of the model format, for editors
// that complete and check TOML against one (Taplo, Even Better TOML).
// `make schema` writes it to examples/crlint.schema.json.
func newSchemaCommand() *cobra.Command {
	var output string
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the model format, for editor completion and checking",
		Long: `schema prints a JSON Schema (draft 2020-12) of the model format: every key,
every block, the allowed enum values and which fields are required. Editors
that read JSON Schema for TOML (Taplo, Even Better TOML for VS Code) then
complete keys and values and flag unknown keys as you type. Point a model at
it with a first line

  #:schema ./crlint.schema.json

or associate it in .taplo.toml. The schema checks the shape of a model only;
crlint check does the rest.`,
		Example: `  crlint schema
  crlint schema -o crlint.schema.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			src, err := model.JSONSchema()
			if err != nil {
				return &exitError{code: ExitError, err: err}
			}
			if output == "" || output == "-" {
				_, err = cmd.OutOrStdout().Write(src)
				return err
			}
			err = atomicWrite(output, func(w io.Writer) error {
				_, err := w.Write(src)
				return err
			})
			if err != nil {
				return &exitError{code: ExitError, err: fmt.Errorf("write schema %s: %w", output, err)}
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "write the schema to FILE (atomically) instead of stdout")
	return cmd
}
