import { execFile } from 'child_process';
import * as fs from 'fs';
import { createLanguageClient } from './languageClient';
import { ActivationDeps } from '../activation';

/** The real machine: file system, environment, `java -version` and the real LanguageClient. */
export function nodeDeps(): ActivationDeps {
  return {
    env: process.env,
    platform: process.platform,
    isFile: (p) => {
      try {
        return fs.statSync(p).isFile();
      } catch {
        return false;
      }
    },
    javaVersion: (java) =>
      new Promise((resolve) => {
        // `java -version` prints on stderr; a failure to start is reported as the output itself.
        execFile(java, ['-version'], { timeout: 20000 }, (err, stdout, stderr) =>
          resolve(`${stderr}${stdout}` || (err ? err.message : '')),
        );
      }),
    fileStamp: (p) => {
      try {
        const st = fs.statSync(p);
        return `${st.size}:${st.mtimeMs}`;
      } catch {
        return undefined;
      }
    },
    createClient: createLanguageClient,
  };
}
