/**
 * A reason the server cannot start that the operator can fix (a setting, a folder, a port, a
 * database out of reach), in plain words naming the setting and its value. It is printed on
 * stderr without a stack trace: a stack is for errors nobody expected.
 */
export class StartupError extends Error {
  override readonly name = "StartupError";
}

/** `NAME=value` as the operator gave it, with a password inside a URL masked. */
export function shownSetting(name: string, value: string): string {
  return `${name}=${withoutPassword(value)}`;
}

/** scheme://user:password@host… → scheme://user:***@host…, parseable as a URL or not. */
function withoutPassword(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)\S*@/i, "$1***@");
}

/** What a failed file or network call means, in words (null when the code is not one we explain). */
export function reasonOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case "EACCES":
      return "permission denied";
    case "EPERM":
      return "operation not permitted";
    case "EROFS":
      return "read-only file system";
    case "ENOSPC":
      return "no space left on the device";
    case "ECONNREFUSED":
      return "connection refused: nothing listens there";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "host name not found";
    case "ETIMEDOUT":
      return "no answer in time";
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return "no route to the host";
    case "ECONNRESET":
      return "connection reset";
    default:
      return null;
  }
}
