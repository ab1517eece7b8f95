import { AssetHashType, type BundlingOptions, DockerImage, type ILocalBundling } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { buildSync } from 'esbuild';
import { type BundleOptions, bundleOptions } from '../bundle-options';
import { PROJECT_ROOT } from '../project-root';

/** The handler string of a function whose code is `handlerCode`: `handler` exported by index.mjs. */
export const BUNDLE_HANDLER = 'index.handler';

/**
 * The asset of functions/handlers/<name>.ts: esbuild's build of it (lib/bundle-options.ts), an
 * entry and its chunks, run in this process. NodejsFunction cannot give this: it builds one
 * `--outfile`, and esbuild splits code only into an `--outdir`. As NodejsFunction does, the asset
 * is hashed by its output, and an app that skips bundling (the `aws:cdk:bundling-stacks` context
 * of the infra tests) does not build at all.
 */
export function handlerCode(name: string, { traced }: { traced: boolean }): Code {
  return Code.fromAsset(PROJECT_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: new LocalBundling(bundleOptions(name, { traced })),
  });
}

/**
 * Bundling on this machine only. CDK keeps one staged asset per JSON of its bundling options, so
 * the build options are a field here: two handlers must never share a key. The image is never
 * run, as the local build either succeeds or throws (never Docker).
 */
class LocalBundling implements BundlingOptions {
  readonly image = DockerImage.fromRegistry('dummy');
  readonly local: ILocalBundling;

  constructor(readonly esbuild: BundleOptions) {
    this.local = {
      tryBundle: (outputDir) => {
        buildSync({ ...esbuild, outdir: outputDir });
        return true;
      },
    };
  }
}
