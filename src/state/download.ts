// Its own module so that actions (weights) and export-actions (figures, CSV, scripts) can
// both save files without actions importing export-actions, which reaches back to actions
// through panels and stage-actions.

/** Saves a blob through a temporary link: nothing leaves the browser but the user's download. */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}
