import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where the QR-code test (test/integration/claims/qr-in-email.test.ts) finds its browser. */
const CHROMIUM = '/usr/bin/chromium';
const DEBIAN_PACKAGES = { java: 'openjdk-17-jre-headless', chromium: 'chromium' } as const;

/**
 * Says at the start of the integration run what the machine lacks, and how to install it, instead
 * of a stack trace minutes later. Without Java nothing can run (DynamoDB Local is a Java program),
 * so the run stops; without Chromium only the QR-code test fails, with the same advice.
 */
export default function checkPrerequisites(): void {
  const java = javaProblem();
  const chromium = existsSync(CHROMIUM)
    ? undefined
    : `Chromium is not installed at ${CHROMIUM}; the QR-code test renders a reminder in it and will fail.`;
  const missing = [java, chromium].filter((problem) => problem !== undefined);
  if (missing.length === 0) return;
  const packages = [java && DEBIAN_PACKAGES.java, chromium && DEBIAN_PACKAGES.chromium].filter(Boolean);
  const advice = [
    ...missing,
    `On Debian or Ubuntu: apt-get update && apt-get install -y ${packages.join(' ')}`,
  ].join('\n');
  if (java) throw new Error(`The integration tests cannot run.\n${advice}`);
  console.warn(`\n${advice}\n`);
}

function javaProblem(): string | undefined {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error)
    return 'Java 17 or later is not installed (`java` is not on the PATH); DynamoDB Local needs it.';
  // `java -version` writes e.g. `openjdk version "17.0.15" 2025-04-15` (or "1.8.0_392" for Java 8).
  const version = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  const major = version ? Number(version[1] === '1' ? version[2] : version[1]) : undefined;
  if (major !== undefined && major < 17) {
    return `Java ${major} is installed, and DynamoDB Local needs Java 17 or later.`;
  }
  return undefined;
}
