/**
 * Start-up failures an operator can fix, each said in one line that names
 * what to change (main.ts prints it and exits 1), instead of a stack.
 */

export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/** The HTTP server could not listen: a used port, a privileged port, or a HOST that is not ours. */
export function listenFailure(error: unknown, port: number, host: string): Error {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EADDRINUSE':
      return new StartupError(`port ${port} on ${host} is already in use: stop the other process or set PORT`);
    case 'EACCES':
      return new StartupError(`not allowed to listen on port ${port}: set PORT to a port above 1023`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new StartupError(`HOST ${host} is not an address of this machine: set HOST, e.g. 0.0.0.0 or 127.0.0.1`);
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}
