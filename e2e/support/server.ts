import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** One request without keep-alive, so no socket outlives the test run. */
function healthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
  });
}

export interface RunningServer {
  url: string;
  /** Sends SIGTERM and waits; resolves with the exit code (null if it had to be killed). */
  stop(): Promise<number | null>;
}

/**
 * Starts the built product exactly as `npm start` runs it (embedded database in a fresh data
 * folder, demo data) on a free port, and waits for /health.
 */
export async function startServer(): Promise<RunningServer> {
  const main = path.join(ROOT, 'dist/apps/api/src/main.js');
  if (!fs.existsSync(main) || !fs.existsSync(path.join(ROOT, 'dist/apps/portal/index.html'))) {
    throw new Error('Build the product first: npm run build');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prm-e2e-'));
  const port = 42000 + Math.floor(Math.random() * 2000);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development' };
  delete env['DATABASE_URL'];
  const child: ChildProcess = spawn(process.execPath, [main], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (await healthy(`${url}/health`)) break;
    if (Date.now() > deadline) throw new Error('server did not become healthy in 120 s');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    async stop() {
      let code: number | null = child.exitCode;
      if (code === null) {
        const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
        child.kill('SIGTERM');
        code = await Promise.race([exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 20_000))]);
        if (code === null) child.kill('SIGKILL');
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
