import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow } from 'electron';
import { AppError } from '../../shared/ipc/result';
import { headerFooter, READ_FURNITURE, type PageFurniture } from '../reports/chromium';

/** Prints a self-contained report page to PDF in a hidden, sandboxed window (Electron's printToPDF). */
export async function printWithElectron(html: string, title: string): Promise<Uint8Array> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-report-'));
  const file = path.join(dir, 'report.html');
  fs.writeFileSync(file, html);
  const window = new BrowserWindow({
    show: false,
    width: 900,
    height: 1200,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: true },
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  try {
    await window.loadFile(file);
    const deadline = Date.now() + 30_000;
    let ready: string;
    while ((ready = String(await window.webContents.executeJavaScript('document.body.dataset.ready || ""'))) === '') {
      if (Date.now() > deadline) throw new AppError('internal', 'The report page did not finish drawing, so no PDF was made.');
      await new Promise((r) => setTimeout(r, 50));
    }
    // The page says "error" when it could not draw its data: its message would be all the PDF shows.
    if (ready !== 'true') {
      const shown = String(await window.webContents.executeJavaScript('document.querySelector(".report-error")?.textContent || ""')).trim();
      throw new AppError('internal', `The report page could not draw its data${shown ? ` (${shown})` : ''}, so no PDF was made.`);
    }
    const furniture = (await window.webContents.executeJavaScript(READ_FURNITURE)) as Partial<PageFurniture> | null;
    return await window.webContents.printToPDF({
      pageSize: furniture?.pageSize === 'Letter' ? 'Letter' : 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      // Tagged (accessible) PDF with an outline; the text stays selectable.
      generateTaggedPDF: true,
      generateDocumentOutline: true,
      ...headerFooter(title, furniture ?? {}),
      margins: { top: 0.79, bottom: 0.71, left: 0.55, right: 0.55 },
    });
  } finally {
    window.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
