/**
 * The protocol's lifecycle, enforced before any handler runs (LSP 3.17 "Server lifecycle"):
 *
 * - before `initialize`, a request gets `ServerNotInitialized` (-32002) and a notification
 *   is dropped, except `exit`;
 * - `initialize` is accepted once; a second one gets `InvalidRequest` (-32600);
 * - after `shutdown`, every request (a second `shutdown` too) gets `InvalidRequest` and
 *   every notification but `exit` is dropped.
 *
 * vscode-languageserver dispatches whatever arrives, so the gate sits in front of it as the
 * connection's message strategy (`createConnection(…, { messageStrategy: gate })`): each
 * message passes through `handleMessage` in the order it arrived, before dispatch. A refused
 * request is turned into a request for the gate's own method, whose handler (registered by
 * `listen`) answers it with the error, so the answer goes out through the connection like
 * any other.
 */
import { ErrorCodes, Message, ResponseError, type Connection, type MessageStrategy } from 'vscode-languageserver';

/** The method a refused request is re-addressed to (never sent by a client). */
const REFUSED = '$/segdoc/refused';

interface Refusal {
  code: number;
  message: string;
}

export type LifecycleState = 'new' | 'running' | 'shut-down';

export class LifecycleGate implements MessageStrategy {
  state: LifecycleState = 'new';

  handleMessage(message: Message, next: (message: Message) => void): void {
    if (Message.isRequest(message)) {
      const refusal = this.refusal(message.method);
      if (refusal) {
        next({ jsonrpc: message.jsonrpc, id: message.id, method: REFUSED, params: refusal } as Message);
        return;
      }
      if (message.method === 'initialize') this.state = 'running';
      else if (message.method === 'shutdown') this.state = 'shut-down';
    } else if (Message.isNotification(message)) {
      if (this.state !== 'running' && message.method !== 'exit') return;
    }
    next(message);
  }

  /** Registers the handler that answers refused requests with their error. */
  listen(connection: Connection): void {
    connection.onRequest(REFUSED, (params: Refusal) => new ResponseError(params.code, params.message));
  }

  private refusal(method: string): Refusal | undefined {
    if (method === REFUSED) return { code: ErrorCodes.MethodNotFound, message: `Unhandled method ${method}` };
    if (this.state === 'new' && method !== 'initialize') {
      return {
        code: ErrorCodes.ServerNotInitialized,
        message: `The server is not initialized yet: "${method}" must wait for "initialize"`,
      };
    }
    if (this.state === 'running' && method === 'initialize')
      return { code: ErrorCodes.InvalidRequest, message: 'The server is already initialized' };
    if (this.state === 'shut-down')
      return {
        code: ErrorCodes.InvalidRequest,
        message: `The server is shut down: "${method}" is not accepted after "shutdown"`,
      };
    return undefined;
  }
}
