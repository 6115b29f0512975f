import fs from 'node:fs';
import { app } from 'electron';
import { writeFileAtomic } from '../atomic-write';
import { printWithElectron } from './print';

// `electron out/cli/print-electron.js REPORT.html OUT.pdf TITLE`: the CLI's way to print a report with Electron
// when it is installed (it prints exactly as the desktop app does), before trying a Chromium on the machine.
const [html, pdf, title] = process.argv.slice(-3);
app.disableHardwareAcceleration();
app.on('window-all-closed', () => undefined);
void app.whenReady().then(async () => {
  try {
    writeFileAtomic(pdf, await printWithElectron(fs.readFileSync(html, 'utf8'), title));
    app.exit(0);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    app.exit(1);
  }
});
