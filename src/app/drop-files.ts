import { addFiles } from '../state/uploads';

/** Images dropped anywhere on the page go to the uploads (which check and refuse them). */
export function acceptDroppedFiles(): void {
  window.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  window.addEventListener('drop', (event) => {
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (files.length === 0) return;
    event.preventDefault();
    void addFiles(files);
  });
}
