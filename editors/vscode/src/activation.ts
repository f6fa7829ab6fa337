// The extension's decisions, kept free of the vscode module so that node's
// test runner can check them: which documents are canvas models, when the
// language server starts, and how it is run.

// Top-level keys of a canvas (SPEC §1): a TOML file that has one at its top
// level is a model. crlint walks directories with the same test.
export const canvasKeys = [
  "segments", "value_propositions", "channels", "relationships",
  "key_resources", "key_activities", "key_partners", "revenue_streams",
  "costs", "get", "keep", "grow", "competitors",
];

const keyPattern = canvasKeys.join("|");
// A header naming a block: [[segments]], [segments], [segments.extra].
const canvasHeader = new RegExp(`^\\s*\\[\\[?\\s*(?:${keyPattern})\\s*[.\\]]`);
// A key naming a block: segments = [...], get.tactic = "...".
const canvasKey = new RegExp(`^\\s*(?:${keyPattern})\\s*[.=]`);
const headerLine = /^\s*\[/;

/**
 * isCanvasModel reports whether TOML text is a canvas model: a block is
 * named by a header, or by a key before the first table header (after it,
 * keys belong to that table).
 */
export function isCanvasModel(text: string): boolean {
  let topLevel = true;
  for (const line of text.split(/\r?\n/)) {
    if (canvasHeader.test(line) || (topLevel && canvasKey.test(line))) {
      return true;
    }
    if (headerLine.test(line)) {
      topLevel = false;
    }
  }
  return false;
}

/** A document as the activation logic sees it. */
export interface Doc {
  languageId: string;
  fileName: string;
  getText(): string;
}

/** isModelDocument reports whether an open document is a model the server should check. */
export function isModelDocument(doc: Doc): boolean {
  if (doc.languageId !== "toml" && !doc.fileName.endsWith(".toml")) {
    return false;
  }
  const base = doc.fileName.split(/[\\/]/).pop() ?? "";
  if (base === ".crlint.toml") {
    return false;
  }
  return isCanvasModel(doc.getText());
}

/** shouldStart reports whether any open document calls for the server. */
export function shouldStart(docs: readonly Doc[]): boolean {
  return docs.some(isModelDocument);
}

/** The command that runs the server. */
export interface ServerCommand {
  command: string;
  args: string[];
}

/** serverCommand builds the server's command line from the settings. */
export function serverCommand(settings: { path?: string; args?: readonly string[] }): ServerCommand {
  const command = settings.path && settings.path.trim() !== "" ? settings.path.trim() : "crlint";
  return { command, args: ["lsp", ...(settings.args ?? [])] };
}
