/**
 * Notices when this process's parent dies. Linux gives an orphan a new parent
 * (init, or a subreaper), so a changed `process.ppid` means the parent is
 * gone, however it died; SIGKILL sends the child nothing. Checked once a
 * second, without keeping the process alive.
 */
export interface ParentWatch {
  fired(): boolean;
  cancel(): void;
}

export function whenOrphaned(onOrphaned: () => void, everyMs = 1000): ParentWatch {
  const parent = process.ppid;
  let fired = false;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    fired = true;
    clearInterval(timer);
    onOrphaned();
  }, everyMs);
  timer.unref();
  return { fired: () => fired, cancel: () => clearInterval(timer) };
}
