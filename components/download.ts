/** Saves a file the browser downloads (an extension page's object URL, revoked a minute later). */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A JSON text as a downloaded file. */
export function downloadJson(name: string, text: string): void {
  downloadBlob(new Blob([text], { type: 'application/json' }), name);
}
