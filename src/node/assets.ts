import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Serves the Scalar API-reference bundle from node_modules, so /docs renders with no internet. */
export function scalarScriptFromNodeModules(): () => Promise<Response> {
  let cached: Promise<Uint8Array<ArrayBuffer>> | null = null;
  return async () => {
    cached ??= readFile(require.resolve('@scalar/api-reference/browser/standalone.js')).then(
      (b) => new Uint8Array(b),
    );
    return new Response(await cached, {
      headers: {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=86400',
      },
    });
  };
}
