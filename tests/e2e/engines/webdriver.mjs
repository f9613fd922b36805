// A W3C WebDriver (classic) client for WebKitWebDriver, Debian's driver for
// WebKitGTK — the engine family of Safari. Written out rather than taken from
// selenium-webdriver: the dozen endpoints a walk needs are plain JSON over
// HTTP, and selenium-webdriver carries Selenium Manager, a binary that
// downloads browsers and drivers, which nothing here may do.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A free loopback port. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** A WebDriver error as an Error that says which command failed and why. */
class WebDriverError extends Error {}

export class WebDriver {
  /** Starts `command` (`[program, ...args]`, which must accept `--port=N`)
   * with `env`, and opens a session with `capabilities`. */
  static async start(command, capabilities, env = process.env) {
    const port = await freePort();
    const [program, ...args] = command;
    const child = spawn(program, [...args, `--port=${port}`], { stdio: ['ignore', 'ignore', 'pipe'], env });
    let log = '';
    child.stderr.on('data', (d) => { log = (log + d).slice(-4000); });
    const driver = new WebDriver(`http://127.0.0.1:${port}`, child, () => log);
    for (let i = 0; ; i++) {
      try {
        const status = await driver.#call('GET', '/status');
        if (status?.ready !== false) break;
      } catch (e) {
        if (i >= 100) throw new WebDriverError(`${program} did not start: ${e.message}\n${log}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const session = await driver.#call('POST', '/session', { capabilities: { alwaysMatch: capabilities } });
    driver.session = `/session/${session.sessionId}`;
    driver.capabilities = session.capabilities;
    return driver;
  }

  constructor(base, child, log) {
    this.base = base;
    this.child = child;
    this.log = log;
  }

  async #call(method, path, body) {
    const response = await fetch(this.base + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new WebDriverError(`${method} ${path}: ${json.value?.error ?? response.status}: ${json.value?.message ?? ''}`);
    }
    return json.value;
  }

  /** A command of this session. */
  command(method, path, body) {
    return this.#call(method, this.session + path, body);
  }

  navigate(url) { return this.command('POST', '/url', { url }); }
  refresh() { return this.command('POST', '/refresh', {}); }

  /** Runs `script` (a function's source, called with `args`) in the page. */
  execute(script, args = []) {
    return this.command('POST', '/execute/sync', { script: `return (${script}).apply(null, arguments)`, args });
  }

  /** The element matching a CSS selector (an error if none). */
  async find(css) {
    const found = await this.command('POST', '/element', { using: 'css selector', value: css });
    return found[ELEMENT];
  }

  async click(css) {
    await this.command('POST', `/element/${await this.find(css)}/click`, {});
  }

  async type(css, text) {
    const element = await this.find(css);
    await this.command('POST', `/element/${element}/clear`, {});
    await this.command('POST', `/element/${element}/value`, { text });
  }

  /** Presses one key (`'\uE007'` is Enter) in the focused element. */
  key(value) {
    return this.command('POST', '/actions', {
      actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }],
    });
  }

  windowRect(rect) { return this.command('POST', '/window/rect', rect); }

  /** The viewport as a PNG. */
  async screenshot() {
    return Buffer.from(await this.command('GET', '/screenshot'), 'base64');
  }

  async quit() {
    try {
      if (this.session) await this.#call('DELETE', this.session);
    } finally {
      this.child.kill();
    }
  }
}
