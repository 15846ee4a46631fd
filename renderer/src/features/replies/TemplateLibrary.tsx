/** Settings → Templates: the template and snippet library (being built). */
export function TemplateLibrary() {
  return null;
}
