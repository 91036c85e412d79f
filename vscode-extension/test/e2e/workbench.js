// Small puppeteer helpers that read and drive the VS Code workbench (code-server) the way a user does:
// clicks in the Explorer, key presses, and what the Problems panel, suggest widget and tabs show.
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `read` until `ok(value)` holds or `seconds` pass; returns the last value either way. */
async function waitFor(read, ok, seconds, intervalMs = 500) {
  const end = Date.now() + seconds * 1000;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await sleep(intervalMs);
    value = await read();
  }
  return value;
}

const texts = (page, selector) =>
  page.$$eval(selector, (els) => els.map((e) => e.innerText.replace(/\s+/g, ' ').trim())).catch(() => []);

class Workbench {
  constructor(page) {
    this.page = page;
  }

  async chord(...keys) {
    for (const k of keys) await this.page.keyboard.down(k);
    for (const k of [...keys].reverse()) await this.page.keyboard.up(k);
  }

  /** Opens a file by clicking its row in the Explorer (Quick Open does not work headless). */
  async openFile(name) {
    const rows = await this.page.$$('.explorer-folders-view .monaco-list-row');
    for (const row of rows) {
      if ((await row.evaluate((e) => e.textContent.trim())) === name) {
        await row.click();
        await waitFor(() => this.activeTab(), (t) => t.includes(name), 30);
        await this.page.waitForSelector('.editor-instance .monaco-editor .view-line', { timeout: 30000 });
        return;
      }
    }
    throw new Error(`${name} is not in the Explorer`);
  }

  activeTab() {
    return this.page.$eval('.tabs-container .tab.active', (e) => e.innerText).catch(() => '');
  }

  tabs() {
    return texts(this.page, '.tabs-container .tab');
  }

  /** The rows of the Problems panel (file rows and marker rows), opened with Ctrl+Shift+M if needed. */
  async problems() {
    if (!(await this.page.$('.markers-panel'))) await this.chord('Control', 'Shift', 'KeyM');
    return texts(this.page, '.markers-panel .monaco-list-row');
  }

  /** Puts the caret at the end of the first editor line that contains `text`. */
  async caretAtEndOfLine(text) {
    const lines = await this.page.$$('.editor-instance .monaco-editor .view-line');
    for (const line of lines) {
      if ((await line.evaluate((e) => e.textContent.replace(/\u00a0/g, ' '))).includes(text)) { // Monaco renders spaces as nbsp
        await line.click();
        await this.page.keyboard.press('End');
        return;
      }
    }
    throw new Error(`no editor line contains "${text}"`);
  }

  /** Labels in the open suggest widget. */
  suggestions() {
    return texts(this.page, '.suggest-widget.visible .monaco-list-row .label-name');
  }

  /** Runs a command from the palette (F1) by its title. */
  async command(title) {
    await this.page.keyboard.press('F1');
    await this.page.waitForSelector('.quick-input-widget .quick-input-box input', { visible: true, timeout: 10000 });
    await this.page.keyboard.type(title);
    const rows = await waitFor(() => texts(this.page, '.quick-input-list .monaco-list-row'), (r) => r.some((x) => x.includes(title)), 10);
    if (!rows.some((x) => x.includes(title))) throw new Error(`"${title}" is not in the palette: ${JSON.stringify(rows)}`);
    await this.page.keyboard.press('Enter');
  }

  /** Palette entries for a filter text, closing the palette again. */
  async paletteEntries(filter) {
    await this.page.keyboard.press('F1');
    await this.page.keyboard.type(filter);
    const rows = await waitFor(() => texts(this.page, '.quick-input-list .monaco-list-row'), (r) => r.length >= 4, 10);
    await this.page.keyboard.press('Escape');
    return rows;
  }

  /** The lines the Output panel shows now. */
  async outputText() {
    return (await texts(this.page, '.part.panel .output .view-line, .part.panel .output-view .view-line')).join('\n');
  }

  notifications() {
    return texts(this.page, '.notifications-toasts .notification-list-item-message');
  }

  /** The text of every frame (webviews live in nested iframes) that contains `needle`. */
  async frameTexts(needle) {
    const found = [];
    for (const frame of this.page.frames()) {
      const text = await frame.evaluate(() => (document.body ? document.body.innerText : '')).catch(() => '');
      if (text.includes(needle)) found.push(text);
    }
    return found;
  }
}

module.exports = { Workbench, waitFor, sleep };
