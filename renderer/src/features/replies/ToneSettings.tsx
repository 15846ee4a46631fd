/** Settings → Tone of voice (being built). */
export function ToneSettings() {
  return null;
}
