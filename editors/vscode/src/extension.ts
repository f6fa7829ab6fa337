import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from "vscode-languageclient/node";

import { isModelDocument, serverCommand, shouldStart } from "./activation";

let client: LanguageClient | undefined;

/**
 * activate starts `crlint lsp` as soon as a canvas model is open (a TOML
 * file with a canvas key at its top level), and not for other TOML files.
 */
export function activate(context: vscode.ExtensionContext): void {
  const startIfNeeded = () => {
    if (!client && shouldStart(vscode.workspace.textDocuments)) {
      client = start();
      context.subscriptions.push({ dispose: () => void client?.stop() });
    }
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(startIfNeeded),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (isModelDocument(e.document)) {
        startIfNeeded();
      }
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (client && e.affectsConfiguration("crlint")) {
        await client.stop();
        client = start();
      }
    }),
  );
  startIfNeeded();
}

function start(): LanguageClient {
  const settings = vscode.workspace.getConfiguration("crlint");
  const cmd = serverCommand({ path: settings.get<string>("path"), args: settings.get<string[]>("args") });
  const server: ServerOptions = { command: cmd.command, args: cmd.args, transport: TransportKind.stdio };
  const options: LanguageClientOptions = {
    // The server publishes nothing for TOML files that are not models.
    documentSelector: [{ scheme: "file", language: "toml" }, { scheme: "untitled", language: "toml" }],
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher("**/.crlint.toml"),
        vscode.workspace.createFileSystemWatcher("**/*.rego"),
      ],
    },
  };
  const c = new LanguageClient("crlint", "crlint", server, options);
  void c.start();
  return c;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
