// The "Alembic" output channel (language `alembic-output`, coloured by syntaxes/alembic-output.
// tmLanguage.json). Every line passes the redactor first: the passwords the client knows and the
// password part of any URL never reach it.
import * as vscode from 'vscode';
import { makeRedactor } from '../model/redact';

export class AlembicOutput implements vscode.Disposable {
  private readonly channel: vscode.OutputChannel;

  constructor(private readonly known: ReadonlySet<string>) {
    this.channel = vscode.window.createOutputChannel('Alembic', 'alembic-output');
  }

  redact(text: string): string {
    return makeRedactor(this.known)(text);
  }

  line(text: string): void {
    this.channel.appendLine(this.redact(text));
  }

  /** A run's heading: a blank line, then the command as a user would type it. */
  heading(text: string): void {
    this.channel.appendLine('');
    this.line(`$ ${text}`);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
