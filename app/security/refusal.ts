/**
 * The small page for requests refused before Remix sees them (bad address, wrong method, rate
 * limit, another site's form): no layout, no script, in both languages since no language has been
 * read yet. The texts are the app's own, never the request's.
 */
export function refusalPage(id: string, en: string): string {
  return `<!doctype html><html lang="id"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${id}</title><body style="font-family:system-ui;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1 style="font-size:1.375rem;line-height:1.3">${id}</h1><p lang="en">${en}</p><p><a href="/">Karya Sungging</a></p></body></html>`;
}
