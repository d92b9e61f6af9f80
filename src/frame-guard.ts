// Refuses to run inside another page's frame (clickjacking of the data controls) on hosts that
// send no frame-ancestors header. Loaded by index.html before the app, and independent of it.

/** True when this page is not the top window; a browser that will not say counts as framed. */
export function isFramed(win: Window = window): boolean {
  try {
    return win.top !== win.self;
  } catch {
    return true;
  }
}

/** Replaces the page with a short notice and a link that opens the player in its own tab. */
export function showFramedNotice(doc: Document = document, href = location.href): void {
  const section = doc.createElement('section');
  section.setAttribute('role', 'alert');
  const heading = doc.createElement('h1');
  heading.textContent = 'inkreel does not run inside another page';
  const text = doc.createElement('p');
  text.textContent =
    'Your choices and the controls over your data stay in a tab of their own, so no other site can cover them or click them for you.';
  const link = doc.createElement('a');
  link.href = href;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.textContent = 'Open inkreel in its own tab';
  section.append(heading, text, link);
  // without #app the app has nowhere to mount: it shows nothing and opens no storage
  doc.body.replaceChildren(section);
  doc.documentElement.dataset.framed = 'true';
}

if (isFramed()) {
  showFramedNotice();
  // the built page bundles this module before the app: stopping here stops the app from starting
  throw new Error('inkreel: framed by another page; not starting (open it in its own tab)');
}
