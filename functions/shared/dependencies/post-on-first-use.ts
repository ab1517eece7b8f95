import type { PostDeps } from '../../use-cases/post/post-letter';
import { lazyPort } from './lazy-port';
import { printFunctionFromEnvironment } from './post-config';

/**
 * Letters by post, which only some letters are: the printing function's name is checked at cold
 * start, Lambda's client is loaded with the first letter by post. Call at module scope.
 */
export function postOnFirstUse(env: NodeJS.ProcessEnv = process.env): PostDeps {
  const functionName = printFunctionFromEnvironment(env);
  return {
    printer: lazyPort(() =>
      import('./post-adapter').then(({ lambdaLetterPrinter }) => lambdaLetterPrinter(functionName)),
    ),
  };
}
