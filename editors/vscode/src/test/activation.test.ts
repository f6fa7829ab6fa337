import { strict as assert } from "node:assert";
import { test } from "node:test";

import { isCanvasModel, isModelDocument, serverCommand, shouldStart } from "../activation";

const doc = (fileName: string, text: string, languageId = "toml") => ({ fileName, languageId, getText: () => text });

test("a model has a canvas key at its top level", () => {
  assert.equal(isCanvasModel('name = "x"\n\n[[relationships]]\nid = "desk"\n'), true);
  assert.equal(isCanvasModel("segments = [{ id = \"smb\" }]\n"), true);
  assert.equal(isCanvasModel("  [ summary ]\n[[ keep ]]\n"), true);
  assert.equal(isCanvasModel("get.tactic = \"x\"\n"), true);
});

test("other TOML files are not models", () => {
  assert.equal(isCanvasModel('[package]\nname = "x"\nsegments_total = 3\n'), false);
  assert.equal(isCanvasModel("[dependencies]\nserde = \"1\"\n"), false);
  assert.equal(isCanvasModel("# [[segments]] in a comment\n"), false);
  assert.equal(isCanvasModel(""), false);
  assert.equal(isCanvasModel("[package]\nsegments = 3\n"), false);
});

test("the config is never a model", () => {
  assert.equal(isModelDocument(doc("/repo/.crlint.toml", "[rules]\nsegments = 1\n")), false);
  assert.equal(isModelDocument(doc("/repo/shop.toml", "[[segments]]\n")), true);
  assert.equal(isModelDocument(doc("C:\\repo\\.crlint.toml", "[[segments]]\n")), false);
  assert.equal(isModelDocument(doc("/repo/notes.md", "[[segments]]\n", "markdown")), false);
});

test("the server starts when a model is open, not for other TOML", () => {
  assert.equal(shouldStart([doc("/r/Cargo.toml", "[package]\n")]), false);
  assert.equal(shouldStart([doc("/r/Cargo.toml", "[package]\n"), doc("/r/m.toml", "[[relationships]]\n")]), true);
  assert.equal(shouldStart([]), false);
});

test("the server command comes from the settings", () => {
  assert.deepEqual(serverCommand({}), { command: "crlint", args: ["lsp"] });
  assert.deepEqual(serverCommand({ path: "  " }), { command: "crlint", args: ["lsp"] });
  assert.deepEqual(serverCommand({ path: "/opt/crlint", args: ["--config", "ci/.crlint.toml"] }), {
    command: "/opt/crlint",
    args: ["lsp", "--config", "ci/.crlint.toml"],
  });
});
