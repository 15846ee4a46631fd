import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { Engine } from '../engine';

/**
 * Dispatches as a door does and returns the value; a failure throws with its code and message. For tests
 * and benches (this module imports no test runner, so a bench run by plain tsx can use it too).
 */
export async function callEngine<M extends MethodName>(
  engine: Engine,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await engine.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}
