import { decodeBytes } from '../../../shared/import/decode';

/** Reads a picked or dropped file as text (UTF-8 or Latin-1), reporting progress as a share 0–1. */
export function readImportFile(file: File, onProgress: (share: number) => void): Promise<{ fileName: string; text: string }> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    reader.onerror = () => reject(new Error(`Could not read ${file.name}; pick the file again.`));
    reader.onload = () => resolve({ fileName: file.name, text: decodeBytes(new Uint8Array(reader.result as ArrayBuffer)).text });
    reader.readAsArrayBuffer(file);
  });
}
