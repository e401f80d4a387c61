/**
 * Saves text the page already holds as a file on the device: a Blob behind a short-lived
 * object URL, clicked through an <a download>. Nothing leaves the browser, so the page's
 * Content-Security-Policy (which allows this origin only) has nothing to refuse.
 */
export function saveFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a moment later, not at once: some browsers still read the URL after the click returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
