// Process shutdown coordination: SIGINT/SIGTERM abort one signal that long-running commands (start) listen to.

const controller = new AbortController();
let claimed = false;

/** Aborted on the first SIGINT/SIGTERM (or requestShutdown). */
export const shutdownSignal: AbortSignal = controller.signal;

/** Asks the running command to stop. */
export function requestShutdown(reason: string): void {
  if (!controller.signal.aborted) controller.abort(reason);
}

/** A long-running command (start) declares it stops by itself on shutdownSignal. */
export function claimShutdown(): void {
  claimed = true;
}

export function shutdownClaimed(): boolean {
  return claimed;
}

/** Resolves when shutdown is requested. */
export function whenShutdown(): Promise<string> {
  if (controller.signal.aborted) return Promise.resolve(String(controller.signal.reason));
  return new Promise((resolve) =>
    controller.signal.addEventListener('abort', () => resolve(String(controller.signal.reason)), {
      once: true,
    }),
  );
}

/** Races a promise against a timeout; the timeout never keeps the process alive. */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    timer.unref();
    work.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
