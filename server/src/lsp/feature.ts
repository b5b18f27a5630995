/**
 * What every protocol feature of the server (completion, hover, symbols, code lenses, code
 * actions) is: built with the connection and what it needs from the server (its host), it
 * reads the client's capabilities at `initialize` and returns the server capabilities to
 * declare, and registers its handlers in `listen`. `listen` runs before `initialize`, so a
 * handler checks the capability itself.
 */
import type { Connection, InitializeParams, ServerCapabilities } from 'vscode-languageserver';

export abstract class ProtocolFeature<Host> {
  constructor(
    protected readonly connection: Connection,
    protected readonly host: Host,
  ) {}

  /** Reads the client's capabilities; returns the server capabilities to declare. */
  abstract initialize(params: InitializeParams): Partial<ServerCapabilities>;

  /** Registers the handlers. */
  abstract listen(): void;
}
