/** The error name a call failed with, or 'OK': for tables of who may do what. */
export async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (err) {
    return (err as Error).name;
  }
}
