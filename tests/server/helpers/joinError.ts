/** The message of a refused join (colyseus.js rejects with it), or a failure if the join went through. */
export async function joinError(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the join was expected to be refused, but it succeeded");
}
